// Word-level diffs of texts (a passage in a conflict, a field between two revisions), bounded in cost.
import { diffWords } from 'diff';

/** A piece of text in a word-level diff: unchanged, added or removed. */
export interface DiffPart {
  value: string;
  added: boolean;
  removed: boolean;
}

/**
 * Past this many inserted and deleted words and spaces a word diff says nothing a reader can use, and
 * jsdiff's cost grows with it: two unrelated 50,000-character passages took 19 s of the server's one
 * thread. Beyond it, the whole old text is shown removed and the whole new one added.
 */
export const MAX_DIFF_EDITS = 1000;

export function wordDiff(before: string, after: string): DiffPart[] {
  const changes = diffWords(before, after, { maxEditLength: MAX_DIFF_EDITS });
  if (changes === undefined) {
    return [...(before ? [{ value: before, added: false, removed: true }] : []), ...(after ? [{ value: after, added: true, removed: false }] : [])];
  }
  return changes.map(({ value, added, removed }) => ({ value, added, removed }));
}
