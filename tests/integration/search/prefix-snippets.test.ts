// Snippets for a prefix that stands for more words than are listed ("ab"*): FTS5 merges the lists of
// every word the prefix starts once per lookup, so the page's snippets are read in one walk over its
// span of ids instead of id by id. The walk must give each hit the very snippet a lookup by its id gives.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generatedCorpusForFile } from '@/tests/support/generated-corpus';
import { createPrismaClient, openDatabase, type SqliteDb } from '@/lib/db';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { MARK_CLOSE, MARK_OPEN } from '@/lib/search/marks';
import { expressionFor, searchPassages, SNIPPET_TOKENS } from '@/lib/search/search-passages';

const corpus = generatedCorpusForFile({ n: 3000, seed: 11 });
let raw: SqliteDb;
let prisma: PrismaClient;

beforeAll(() => {
  raw = openDatabase(corpus.file);
  prisma = createPrismaClient(`file:${corpus.file}`);
});

afterAll(async () => {
  await prisma?.$disconnect();
  raw?.close();
});

/** The snippet of one passage, looked up by its id alone (an INTEGER, as FTS5 needs). */
const snippetById = (expression: string, id: number) =>
  raw
    .prepare(`SELECT snippet(passage_fts, 0, ?, ?, '…', ?) FROM passage_fts WHERE passage_fts MATCH ? AND rowid = ?`)
    .pluck()
    .get(MARK_OPEN, MARK_CLOSE, SNIPPET_TOKENS, expression, BigInt(id));

describe('snippets of a prefix with more words than are listed', () => {
  it('are, hit by hit on pages 1 to 3 and under a filter, the snippet of that passage alone', async () => {
    const prefixes = raw
      .prepare(
        `SELECT substr(term, 1, 2) AS p FROM passage_words_fts_vocab WHERE term GLOB '[a-z][a-z]*' GROUP BY p HAVING count(*) > 60 ORDER BY count(*) DESC LIMIT 4`,
      )
      .pluck()
      .all() as string[];
    expect(prefixes.length).toBe(4);
    let compared = 0;
    for (const prefix of prefixes) {
      const expression = (await expressionFor(prisma, `${prefix}*`))!;
      expect(expression, prefix).toContain(`"${prefix}"*`);
      for (const request of [1, 2, 3]
        .map((page) => ({ q: `${prefix}*`, page, pageSize: 10 }))
        .concat({ q: `${prefix}*`, page: 1, pageSize: 10, kind: 'question' } as never)) {
        const { hits } = await searchPassages(prisma, request);
        expect(hits.length, `${prefix}* page ${request.page}`).toBe(10);
        for (const hit of hits) {
          expect(hit.marked, `${prefix}* passage ${hit.passageId}`).toBe(snippetById(expression, hit.passageId));
          expect(hit.marked).toContain(MARK_OPEN);
          compared += 1;
        }
      }
    }
    expect(compared).toBe(160);
  }, 120_000);
});
