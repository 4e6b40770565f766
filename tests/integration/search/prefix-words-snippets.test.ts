// A prefix searched as one phrase (`"bre"*`) is written, for a page's snippets on the search's reader,
// as the words each passage holds that it starts (lib/search/prefix-snippets.ts). The promise: the
// same passages match, with the same words marked in the same places. Checked on the benchmark's
// generated corpus with FTS5's highlight(), which marks the whole text (a snippet is a fragment of it,
// and may be another fragment than the prefix's: prefix-snippets.test.ts covers the prefix's own,
// which any connection without the index's tokenizer still reads).
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullText, num, openReader, type Reader } from '@/lib/db';
import { exactMatch } from '@/lib/search/lexical-match';
import { snippetGroups } from '@/lib/search/prefix-snippets';
import { initialismsOf, parseQuery } from '@/lib/search/query-parser';
import { searchPassages } from '@/lib/search/search-passages';
import { generatedCorpusForFile } from '@/tests/support/generated-corpus';

// This file's own (one test below changes a passage).
const corpus = generatedCorpusForFile({ n: 20_000, seed: 11 });
let db: Reader;

beforeAll(() => {
  db = openReader(corpus.file);
});

afterAll(() => db?.close());

const expressionOf = async (q: string) => (await exactMatch(db, parseQuery(q), initialismsOf(q)))!.expression;

/** The passage's text with every instance of `expression` marked, as FTS5 marks it. */
async function highlighted(expression: string, id: number): Promise<string | undefined> {
  const [row] = await db.$queryRaw<{ marked: string }[]>`
    SELECT highlight(passage_fts, 0, '[', ']') AS marked FROM passage_fts WHERE passage_fts MATCH ${expression} AND rowid = CAST(${id} AS INTEGER)`;
  return row?.marked;
}

/** Each group's passages marked by its expression and by `expression`: the same text, the same marks. */
async function expectSameMarks(expression: string, groups: Awaited<ReturnType<typeof snippetGroups>>) {
  for (const group of groups) {
    for (const id of group.ids) {
      const mine = await highlighted(group.expression, id);
      expect(mine, `passage ${id}: ${group.expression}`).toBeDefined();
      expect(mine).toBe(await highlighted(expression, id));
    }
  }
}

describe('snippets of a prefix searched as one phrase', () => {
  it('mark the same words in the same places, through words the passages hold, for every prefix so searched', async () => {
    // Each starts more words of this corpus than are searched one by one.
    for (const prefix of ['bre', 'sta', 'gra', 'bro', 'tre', 'dra', 'sle', 'sho']) {
      const expression = await expressionOf(`${prefix}*`);
      expect(expression).toBe(`"${prefix}"*`);
      for (const page of [1, 2]) {
        const { hits, total } = await searchPassages(db, { q: `${prefix}*`, page, pageSize: 20 });
        const ids = hits.map((hit) => hit.passageId);
        expect(ids.length).toBe(Math.min(20, total - 20 * (page - 1)));
        expect(ids.length, `${prefix}* page ${page}`).toBeGreaterThan(0);
        const groups = await snippetGroups(db, expression, ids);
        // Written as words for every passage: no prefix is left to merge.
        expect(groups.every((group) => !group.expression.includes('"*'))).toBe(true);
        expect(groups.flatMap((group) => group.ids).sort((a, b) => a - b)).toEqual([...ids].sort((a, b) => a - b));
        await expectSameMarks(expression, groups);
        // And each group's snippets come back, one for each of its passages.
        for (const group of groups) {
          const rows = await db.$queryRaw<{ id: number | bigint; snippet: string }[]>(
            fullText.snippets(group.expression, group.ids, { open: '[', close: ']' }, 12),
          );
          expect(rows.map((row) => num(row.id)).sort((a, b) => a - b)).toEqual([...group.ids].sort((a, b) => a - b));
          expect(rows.every((row) => row.snippet.includes('['))).toBe(true);
        }
      }
    }
  });

  it('write a prefix beside other words, and leave one under NOT as it is', async () => {
    const withWord = await expressionOf('people bre*');
    expect(withWord).toContain('"*');
    const { hits } = await searchPassages(db, { q: 'people bre*', page: 1, pageSize: 10 });
    const ids = hits.map((hit) => hit.passageId);
    expect(ids.length).toBeGreaterThan(0);
    const groups = await snippetGroups(db, withWord, ids);
    expect(groups.every((group) => !group.expression.includes('"*'))).toBe(true);
    await expectSameMarks(withWord, groups);

    const without = await expressionOf('people -bre*');
    const page = await searchPassages(db, { q: 'people -bre*', page: 1, pageSize: 10 });
    const unchanged = await snippetGroups(
      db,
      without,
      page.hits.map((hit) => hit.passageId),
    );
    expect(unchanged).toEqual([{ expression: without, ids: page.hits.map((hit) => hit.passageId) }]);
  });

  it('leave the prefix as it is when a passage’s words are not cut as the index cuts them', async () => {
    const expression = await expressionOf('bre*');
    const { hits } = await searchPassages(db, { q: 'bre*', page: 1, pageSize: 2 });
    const [odd, plain] = hits.map((hit) => hit.passageId);
    // A combining accent: FTS5 reads "bre\u0301adcrumbs" as one word without it, a cut between letters and numbers as two.
    const writer = new Database(corpus.file);
    writer.prepare(`UPDATE Passage SET text = text || ' bre\u0301adcrumbs' WHERE id = ?`).run(odd);
    writer.close();
    expect(await highlighted(expression, odd)).toContain('[bre\u0301adcrumbs]');
    expect(await snippetGroups(db, expression, [odd, plain])).toEqual([{ expression, ids: [odd, plain] }]);
    const [alone] = await snippetGroups(db, expression, [plain]);
    expect(alone.expression).not.toContain('"*');
  });
});
