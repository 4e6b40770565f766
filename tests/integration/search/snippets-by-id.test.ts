// A page's snippets are read for its hits alone, however few. FTS5 takes a lone `rowid IN (?)` as a
// lookup and ignores it when the id is bound as REAL (a JavaScript number): the statement then yields
// every match, each snippeted (a one-hit page of `"of the"` at 1,000,000 passages read 331,000 matches).
// On the benchmark's generated corpus, where `the` is in almost every passage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullText, num, openReader, type Reader } from '@/lib/db';
import { MARK_CLOSE, MARK_OPEN } from '@/lib/search/marks';
import { SNIPPET_TOKENS } from '@/lib/search/search-passages';
import { generatedCorpusForFile } from '@/tests/support/generated-corpus';

const corpus = generatedCorpusForFile({ n: 3000, seed: 11 });
const marks = { open: MARK_OPEN, close: MARK_CLOSE };
let db: Reader;

beforeAll(() => {
  db = openReader(corpus.file);
});

afterAll(() => db?.close());

/** Ids of `table`'s rows that match `expression`, the first `count` of them. */
async function matching(table: 'passage_fts' | 'entity_fts', expression: string, count: number): Promise<number[]> {
  const rows =
    table === 'passage_fts'
      ? await db.$queryRaw<{ id: number | bigint }[]>`SELECT rowid AS id FROM passage_fts WHERE passage_fts MATCH ${expression} ORDER BY rowid LIMIT ${count}`
      : await db.$queryRaw<{ id: number | bigint }[]>`SELECT rowid AS id FROM entity_fts WHERE entity_fts MATCH ${expression} ORDER BY rowid LIMIT ${count}`;
  return rows.map((row) => num(row.id));
}

describe('snippets by id', () => {
  it.each([1, 2, 10])('of %i passages matching a word nearly every passage has: those passages, no others', async (count) => {
    const ids = await matching('passage_fts', '"the"', count);
    expect(ids).toHaveLength(count);
    const rows = await db.$queryRaw<{ id: number | bigint; snippet: string }[]>(fullText.snippets('"the"', ids, marks, SNIPPET_TOKENS));
    expect(rows.map((row) => num(row.id)).sort((a, b) => a - b)).toEqual(ids);
    expect(rows.every((row) => row.snippet.includes(MARK_OPEN))).toBe(true);
  });

  it('of one passage for a prefix (read in one walk over the ids’ span): that passage alone', async () => {
    const [id] = await matching('passage_fts', '"th"*', 1);
    const rows = await db.$queryRaw<{ id: number | bigint }[]>(fullText.snippets('"th"*', [id], marks, SNIPPET_TOKENS));
    expect(rows.map((row) => num(row.id))).toEqual([id]);
  });

  it('of one entity: that entity alone', async () => {
    // The word most entities' names share (document titles are made of the corpus's words).
    const names = await db.$queryRaw<{ name: string }[]>`SELECT name FROM entity_fts`;
    const uses = new Map<string, number>();
    for (const { name } of names) for (const word of new Set(name.toLowerCase().match(/\p{L}+/gu) ?? [])) uses.set(word, (uses.get(word) ?? 0) + 1);
    const [word] = [...uses].sort((a, b) => b[1] - a[1])[0];
    const expression = `"${word}"`;
    const all = await matching('entity_fts', expression, 1_000);
    expect(all.length).toBeGreaterThan(1);
    const rows = await db.$queryRaw<{ entry: number | bigint }[]>(fullText.entitySnippets(expression, [all[0]], marks, SNIPPET_TOKENS));
    expect(rows.map((row) => num(row.entry))).toEqual([all[0]]);
  });
});
