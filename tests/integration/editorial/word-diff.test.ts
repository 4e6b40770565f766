// Word diffs of a long passage rewritten from end to end, on a real archive: the history still
// shows what changed (all of it), and computing it costs a bounded amount of work.
import { expect, it } from 'vitest';
import type { Editor } from '@/lib/auth/editor';
import { compareVersions, getDocumentForEditing, updatePassage, wordDiff } from '@/lib/editorial';
import { MAX_DIFF_EDITS } from '@/lib/editorial/word-diff';
import { scratchWriter } from '@/tests/support/scratch-writer';

const ada: Editor = { id: 'u-ada', name: 'Ada Editor', email: 'ada@example.org', role: 'editor' };

/** n words no other call of this function shares: two such texts have nothing in common. */
let counter = 0;
const unrelatedWords = (n: number) => Array.from({ length: n }, () => `w${(counter++).toString(36).padStart(6, '0')}`).join(' ');

const joined = (parts: { value: string; added: boolean; removed: boolean }[], side: 'before' | 'after') =>
  parts
    .filter((p) => (side === 'before' ? !p.added : !p.removed))
    .map((p) => p.value)
    .join('');

it('a small edit gives a word-level diff', () => {
  const parts = wordDiff('They crossed the river at night.', 'They crossed the frozen river at night.');
  expect(parts.filter((p) => p.added).map((p) => p.value.trim())).toEqual(['frozen']);
  expect(parts.some((p) => p.removed)).toBe(false);
});

it('past the bound, the old text is shown removed and the new one added, whole', () => {
  // Far more than MAX_DIFF_EDITS words differ: unbounded, jsdiff took 19 s on texts like these.
  const before = unrelatedWords(6000);
  const after = unrelatedWords(6000);
  expect(before.length).toBeGreaterThan(40_000);
  expect(wordDiff(before, after)).toEqual([
    { value: before, added: false, removed: true },
    { value: after, added: true, removed: false },
  ]);
  expect(wordDiff('', after)).toEqual([{ value: after, added: true, removed: false }]);
});

it('just within the bound, the diff is still word by word and adds up to both texts', () => {
  const shared = unrelatedWords(400);
  const before = `${shared} ${unrelatedWords(MAX_DIFF_EDITS / 8)}`;
  const after = `${shared} ${unrelatedWords(MAX_DIFF_EDITS / 8)}`;
  const parts = wordDiff(before, after);
  expect(parts.length).toBeGreaterThan(2);
  expect(joined(parts, 'before')).toBe(before);
  expect(joined(parts, 'after')).toBe(after);
});

it("the history's diff of a long passage rewritten from end to end shows every word, without the unbounded cost", async () => {
  const writer = scratchWriter();
  const options = { writer };
  const doc = getDocumentForEditing(1, options)!;
  const anchor = doc.passages[0].anchor;
  const first = unrelatedWords(6000);
  const v1 = await updatePassage(ada, { documentId: doc.id, expectedVersion: doc.version, anchor, text: first }, options);
  const second = unrelatedWords(6000);
  const v2 = await updatePassage(ada, { documentId: doc.id, expectedVersion: v1.version, anchor, text: second }, options);
  const diff = compareVersions('document', doc.id, v1.version, v2.version, options);
  const change = diff.passages.find((p) => p.anchor === anchor)!;
  expect(change.change).toBe('changed');
  expect(change.text).toEqual([
    { value: first, added: false, removed: true },
    { value: second, added: true, removed: false },
  ]);
});
