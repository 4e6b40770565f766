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

  it('marked on the page’s passages alone (the reader’s own small index), are exactly the index’s own, for every kind of expression', async () => {
    const [prefixed] = (
      await db.$queryRaw<{ expression: string }[]>`
      SELECT '(' || group_concat('"' || term || '"', ' OR ') || ')' AS expression
      FROM (SELECT term FROM passage_words_fts_vocab WHERE term >= 'th' AND term < 'ti' ORDER BY doc DESC LIMIT 30)`
    ).map((r) => r.expression);
    const expressions = [
      '"the"',
      '"of the"',
      prefixed,
      '"th"*',
      '"the" AND "of" NOT "and"',
      'NEAR("the" "of", 3)',
      '{text}: "of"',
      '("the" OR "of") AND "is"*',
    ];
    let compared = 0;
    for (const expression of expressions) {
      // Pages of ten, some passages leading, some far apart, and two groups of one page at once.
      const all = await matching('passage_fts', expression, 400);
      expect(all.length, expression).toBeGreaterThan(20);
      const groups = [
        { expression, ids: all.slice(0, 5) },
        { expression: '"the"', ids: all.slice(-5).filter((id) => !all.slice(0, 5).includes(id)) },
      ];
      const rows = await db.$queryRaw<{ id: number | bigint; text: string; speaker: string; title: string }[]>(
        fullText.indexedText!(groups.flatMap((g) => g.ids)),
      );
      const passages = rows.map((row) => ({ id: num(row.id), columns: [row.text, row.speaker, row.title] as const }));
      const alone = db.passageSnippets!(passages, groups, marks, SNIPPET_TOKENS);
      const fromIndex = (
        await Promise.all(
          groups.map((g) => db.$queryRaw<{ id: number | bigint; snippet: string }[]>(fullText.snippets(g.expression, g.ids, marks, SNIPPET_TOKENS))),
        )
      ).flat();
      const byId = (list: { id: number | bigint; snippet: string }[]) => list.map((r) => [num(r.id), r.snippet]).sort((a, b) => Number(a[0]) - Number(b[0]));
      expect(byId(alone), expression).toEqual(byId(fromIndex));
      expect(alone.length).toBe(groups.reduce((n, g) => n + g.ids.length, 0));
      compared += alone.length;
    }
    expect(compared).toBeGreaterThan(expressions.length * 9);
    // Nothing stays behind, not even after an expression FTS5 refuses: the next page is marked on its own passages alone.
    const ids = await matching('passage_fts', '"the"', 3);
    const rows = await db.$queryRaw<{ id: number | bigint; text: string; speaker: string; title: string }[]>(fullText.indexedText!(ids));
    const page = rows.map((row) => ({ id: num(row.id), columns: [row.text, row.speaker, row.title] as const }));
    expect(() => db.passageSnippets!(page, [{ expression: '"the" AND', ids }], marks, SNIPPET_TOKENS)).toThrow();
    expect(db.passageSnippets!(page, [{ expression: '"the"', ids }], marks, SNIPPET_TOKENS)).toHaveLength(3);
    expect(db.passageSnippets!([], [{ expression: '"the"', ids }], marks, SNIPPET_TOKENS)).toEqual([]);
  });
});
