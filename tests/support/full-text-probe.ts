// What the search index finds, asked the way search asks it (lib/db's `fullText` statements for the
// process's engine: FTS5 on SQLite, tsvector on PostgreSQL), on a test's own connection. Tests that
// prove the index follows an edit use it instead of reading one engine's index tables.
import { fullText, type FullTextIndex, type QueryDb, type WriteDb } from '@/lib/db';
import { parseQuery } from '@/lib/search/query-parser';

/** Ids (passages', or entity entries') the index matches for `query` as a reader types it, ascending. */
export function indexedIds(db: WriteDb, query: string, index: FullTextIndex = 'passages'): number[] {
  const expression = fullText.expression(parseQuery(query));
  if (expression === null) throw new Error(`"${query}" leaves nothing to look for`);
  const statement = fullText.rowsMatching(expression, index);
  // `.sql` is the statement with `?` placeholders: the shared dialect both writers' connections run.
  const rows = db.prepare(statement.sql).all(...statement.values) as Record<string, unknown>[];
  return rows.map((row) => Number(Object.values(row)[0])).sort((a, b) => a - b);
}

/** Whether the index matches passage `id` for `query`. */
export function indexMatches(db: WriteDb, id: number, query: string): boolean {
  return indexedIds(db, query).includes(id);
}

/** As indexedIds, through a QueryDb (the app's Prisma client, a reader). */
export async function indexedIdsOn(db: QueryDb, query: string, index: FullTextIndex = 'passages'): Promise<number[]> {
  const expression = fullText.expression(parseQuery(query));
  if (expression === null) throw new Error(`"${query}" leaves nothing to look for`);
  const rows = await db.$queryRaw<Record<string, unknown>[]>(fullText.rowsMatching(expression, index));
  return rows.map((row) => Number(Object.values(row)[0])).sort((a, b) => a - b);
}

/** SQLite's stemmed index only: the first 50 passages the FTS5 expression `match` finds, with their BM25 scores and snippets. */
export const scoredMatches = (db: WriteDb, match: string) =>
  db
    .prepare(
      `SELECT rowid AS id, round(bm25(passage_fts, 1.0, 0.5, 0.2), 9) AS score, snippet(passage_fts, 0, '[', ']', '…', 12) AS snippet
       FROM passage_fts WHERE passage_fts MATCH ? ORDER BY rank, rowid LIMIT 50`,
    )
    .all(match);
