// What every shortcut ranking (the lists, their alternatives, the index head) shares: the page it is
// asked for, a scored passage, the ranked-page statement's order, and which of some passages a search
// may show (public, in the asked document, under the filters), looked up by id.
import 'server-only';
import { empty, join, num, sql, type QueryDb } from '@/lib/db';
import { filterSql } from '../filters';
import { isPublicDocument } from '../public-documents';
import type { SearchRequest } from '../types';

/** The ranked passages asked for: from `offset`, at most `limit`, leaving out `exclude`. */
export interface PageWindow {
  limit: number;
  offset: number;
  /** Passages a fused ranking already placed, so the ranks after a fused head continue without repeats or gaps. */
  exclude?: number[];
}

export interface ScoredCandidate {
  id: number;
  /** BM25 with its sign flipped, as FTS5 computes it for the whole expression. */
  bm25: number;
  publishedOn: string;
  position: number;
}

/** The order of the ranked-page statement: score, then newer documents, then id, then position. */
export function byRank(a: ScoredCandidate, b: ScoredCandidate): number {
  if (a.bm25 !== b.bm25) return b.bm25 - a.bm25;
  if (a.publishedOn !== b.publishedOn) return a.publishedOn < b.publishedOn ? 1 : -1;
  return a.id - b.id || a.position - b.position;
}

/** Which of `ids` the request may show, with what the order needs of each (its document's date, its position). */
export async function shownAmong(db: QueryDb, ids: number[], request: SearchRequest): Promise<Omit<ScoredCandidate, 'bm25'>[]> {
  if (ids.length === 0) return [];
  const inDocument = request.document ? sql`AND d.slug = ${request.document}` : empty;
  // CROSS JOIN: look the few passages up by id first (the planner would rather scan the published documents).
  const rows = await db.$queryRaw<{ id: number | bigint; publishedOn: string; position: number | bigint }[]>`
    SELECT x.id AS id, x.publishedOn AS publishedOn, x.position AS position FROM (
      SELECT p.id AS id, p.kind AS kind, p.speakerId AS speakerId, d.publishedOn AS publishedOn, d.publishedUntil AS publishedUntil, p.position AS position
      FROM Passage p CROSS JOIN Document d ON d.id = p.documentId
      WHERE p.id IN (${join(ids)}) AND ${isPublicDocument} ${inDocument}) x
    WHERE ${filterSql(request)}`;
  return rows.map((row) => ({ id: num(row.id), publishedOn: row.publishedOn, position: num(row.position) }));
}
