// A page's snippets are read for its hits alone, however few. FTS5 takes a lone `rowid IN (?)` as a
// lookup and ignores it when the id is bound as REAL (a JavaScript number): the statement then yields
// every match, each snippeted (a one-hit page of `"of the"` at 1,000,000 passages read 331,000 matches).
// On the benchmark's generated corpus, where `the` is in almost every passage.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fullText, MATCHES_WALKED_PER_LOOKUP, num, openReader, type Reader } from '@/lib/db';
import { countMatches } from '@/lib/search/counting';
import { startReadingFacetColumns } from '@/lib/search/facet-columns';
import { exactMatch } from '@/lib/search/lexical-match';
import { MARK_CLOSE, MARK_OPEN } from '@/lib/search/marks';
import { initialismsOf, parseQuery } from '@/lib/search/query-parser';
import { SNIPPET_TOKENS } from '@/lib/search/search-passages';
import type { SearchRequest } from '@/lib/search/types';
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

  it('walked over an expression’s few matches (their number known), are the look-ups’ own, for every kind of expression', async () => {
    // Words in a few dozen passages, so that a page's worth of look-ups costs more than walking them all.
    const rare = (
      await db.$queryRaw<{ term: string }[]>`SELECT term FROM passage_fts_vocab WHERE doc BETWEEN 20 AND 60 AND length(term) > 3 ORDER BY term LIMIT 2`
    ).map((row) => row.term);
    expect(rare).toHaveLength(2);
    const [a, b] = rare;
    const expressions = [`"${a}"`, `"${a}" OR "${b}"`, `"${a}" AND "the"`, `"${a}" NOT "kim"`, `"the ${a}" OR "${b}"`];
    for (const expression of expressions) {
      const all = await matching('passage_fts', expression, 1_000);
      expect(all.length, expression).toBeGreaterThan(3);
      const ids = all.filter((_, i) => i % 3 === 0).slice(0, 10);
      const walked = fullText.snippets(expression, ids, marks, SNIPPET_TOKENS, all.length);
      const lookedUp = fullText.snippets(expression, ids, marks, SNIPPET_TOKENS);
      expect(walked.sql, expression).toContain('+rowid IN');
      expect(lookedUp.sql, expression).not.toContain('+rowid IN');
      const byId = (list: { id: number | bigint; snippet: string }[]) => list.map((r) => [num(r.id), r.snippet]).sort((x, y) => Number(x[0]) - Number(y[0]));
      const rows = await db.$queryRaw<{ id: number | bigint; snippet: string }[]>(walked);
      expect(byId(rows), expression).toEqual(byId(await db.$queryRaw<{ id: number | bigint; snippet: string }[]>(lookedUp)));
      expect(
        rows.map((row) => num(row.id)).sort((x, y) => x - y),
        expression,
      ).toEqual(ids);
    }
    // Too many matches for the page (nearly all 3,000 passages, five ids): looked up.
    const common = await matching('passage_fts', '"the"', 3_000);
    expect(common.length).toBeGreaterThan(5 * MATCHES_WALKED_PER_LOOKUP);
    expect(fullText.snippets('"the"', common.slice(0, 5), marks, SNIPPET_TOKENS, common.length).sql).not.toContain('+rowid IN');
  });

  it('walk in a search whose count read every match of its expression, and not where a condition or the asked document narrowed that reading', async () => {
    await startReadingFacetColumns(db);
    const [{ term, doc }] = await db.$queryRaw<{ term: string; doc: number | bigint }[]>`
      SELECT term, doc FROM passage_fts_vocab WHERE doc BETWEEN 20 AND 60 AND length(term) BETWEEN 3 AND 4 ORDER BY term LIMIT 1`;
    const request = (q: string, document?: string): SearchRequest => ({ q, page: 1, pageSize: 10, ...(document ? { document } : {}) });
    const counted = async (q: string, document?: string) => countMatches(db, await exactMatch(db, parseQuery(q), initialismsOf(q)), request(q, document));
    expect((await counted(term)).indexMatches).toBe(num(doc));
    // Written in capitals, the word is an initialism, which must stand on its own: a condition beyond the expression.
    expect((await counted(term.toUpperCase())).indexMatches).toBeUndefined();
    const [{ slug }] = await db.$queryRaw<{ slug: string }[]>`SELECT slug FROM Document ORDER BY id LIMIT 1`;
    expect((await counted(term, slug)).indexMatches).toBeUndefined();
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
