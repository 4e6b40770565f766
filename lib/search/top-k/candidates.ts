// What every shortcut ranking (the lists, their alternatives, the index head) shares: the page it is
// asked for, a scored passage, the ranked-page statement's order, which of some passages a search may
// show (public, in the asked document, under the filters), looked up by id, and the best of them in
// FTS5's own ordering of some matches.
import 'server-only';
import { empty, fullText, idList, join, num, sql, type QueryDb } from '@/lib/db';
import { keptFacetColumns } from '../facet-columns';
import { filterSql, matchedRows } from '../filters';
import { firstShown } from '../memory-facets';
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
}

/** The order of the ranked-page statement: score, then newer documents, then id (a passage's own: nothing ties past it). */
export function byRank(a: ScoredCandidate, b: ScoredCandidate): number {
  if (a.bm25 !== b.bm25) return b.bm25 - a.bm25;
  if (a.publishedOn !== b.publishedOn) return a.publishedOn < b.publishedOn ? 1 : -1;
  return a.id - b.id;
}

/**
 * Which of `ids` (each once) the request may show, with what the order needs of each (its document's
 * date). Where the facet columns are kept in memory, they answer alone: they keep exactly what the
 * statement keeps (memory-facets.test.ts checks both on the same filters, as the count's probe relies
 * on too), and are read in the same turn of the thread that found them current. The statement cost
 * ~0.12 ms for a page's first forty candidates at 100,000 passages, a twentieth of a never-asked search.
 * Where the columns are not kept, or do not know an id (a passage saved since they were read), the
 * statement looks every id up.
 */
export async function shownAmong(db: QueryDb, ids: number[], request: SearchRequest): Promise<Omit<ScoredCandidate, 'bm25'>[]> {
  const columns = keptFacetColumns(db);
  const shown = columns ? firstShown(columns, ids, request, ids.length, true) : null;
  if (!columns || !shown) return shownAmongByStatement(db, ids, request);
  return shown.map((id) => ({ id, publishedOn: columns.documents[columns.documentOf[id]].publishedOn }));
}

async function shownAmongByStatement(db: QueryDb, ids: number[], request: SearchRequest): Promise<Omit<ScoredCandidate, 'bm25'>[]> {
  if (ids.length === 0) return [];
  const inDocument = request.document ? sql`AND d.slug = ${request.document}` : empty;
  // CROSS JOIN: look the few passages up by id first (the planner would rather scan the published documents).
  const rows = await db.$queryRaw<{ id: number | bigint; publishedOn: string }[]>`
    SELECT x.id AS id, x.publishedOn AS publishedOn FROM (
      SELECT p.id AS id, p.kind AS kind, p.speakerId AS speakerId, d.publishedOn AS publishedOn, d.publishedUntil AS publishedUntil
      FROM Passage p CROSS JOIN Document d ON d.id = p.documentId
      WHERE p.id IN (${idList(ids)}) AND ${isPublicDocument} ${inDocument}) x
    WHERE ${filterSql(request)}`;
  return rows.map((row) => ({ id: num(row.id), publishedOn: row.publishedOn }));
}

/**
 * The best `limit` matches of `expression` the request may show (leaving out `exclude`), ranked by
 * FTS5 with the filters checked on every match, in the ranked-page statement's order.
 */
export async function bestUnderFilters(
  db: QueryDb,
  expression: string,
  request: SearchRequest,
  limit: number,
  exclude: readonly number[] = [],
): Promise<ScoredCandidate[]> {
  const excluded = exclude.length > 0 ? sql`AND x.id NOT IN (${join([...exclude])})` : empty;
  const rows = await db.$queryRaw<{ id: number | bigint; rank: number; publishedOn: string }[]>`
    SELECT x.id AS id, x.rank AS rank, x.publishedOn AS publishedOn
    FROM (${matchedRows(expression, request, { withRank: true, filtered: true })}) x WHERE ${filterSql(request)} ${excluded}
    ORDER BY x.rank, x.publishedOn DESC, x.id LIMIT ${limit}`;
  return rows.map((row) => ({ id: num(row.id), bm25: -row.rank, publishedOn: row.publishedOn }));
}

/** The most of FTS5's own ordering a shortcut reads (bestShown's head); a page deeper than the index head reaches ranks the old way. */
export const LONGEST_HEAD = 1_000;

/** The first look-up for `need` passages: most matches are published. */
export const firstLookup = (need: number) => need * 2 + 20;

/** How many of `rows` (best first) to look up to see the first `count` and every row tied with the last of them. */
export function throughTies(rows: { score: number }[], count: number): number {
  let end = Math.min(count, rows.length);
  while (end < rows.length && rows[end].score === rows[end - 1].score) end += 1;
  return end;
}

/**
 * The best passages the request may show among `head`, FTS5's own ordering of some matches by the
 * index alone (rows: id, score, lower is better, best first): at least `need` of them, with every one
 * tied with the last, or all there are. They are looked up a stretch at a time, each ending between two
 * scores, so no row left unread ties with one read. When the head is not `complete` (it stops at a
 * limit), rows tied with its last row may be unread, so only rows scoring strictly better count; null
 * when those are too few to show `need`.
 */
export async function bestShown(
  db: QueryDb,
  head: { id: number | bigint; score: number }[],
  complete: boolean,
  need: number,
  request: SearchRequest,
  exclude: number[] = [],
): Promise<ScoredCandidate[] | null> {
  const last = head.at(-1)?.score;
  const excluded = new Set(exclude);
  const sure = (complete ? head : head.filter((row) => row.score < last!)).filter((row) => !excluded.has(num(row.id)));
  // FTS5's rank with its sign flipped: BM25, higher is better, as the lists give it.
  const scores = new Map(sure.map((row) => [num(row.id), -row.score]));
  const shown: Omit<ScoredCandidate, 'bm25'>[] = [];
  let read = 0;
  while (read < sure.length && shown.length < need) {
    const end = throughTies(sure, read === 0 ? firstLookup(need) : read * 2);
    shown.push(
      ...(await shownAmong(
        db,
        sure.slice(read, end).map((row) => num(row.id)),
        request,
      )),
    );
    read = end;
  }
  if (!complete && shown.length < need) return null;
  return shown.map((row) => ({ ...row, bm25: scores.get(row.id)! }));
}

/**
 * The head read first: enough rows for bestShown's first two look-ups, with room for ties and for
 * passages the request does not show, a tenth of the longest. FTS5 scores every match whatever the
 * limit, but keeping and returning the rows is not free: a word in ~4,000 of 100,000 passages took
 * 1.8-2.2 ms for a head of 100 rows and 3.4-3.8 ms for 1,000. The longest at once where a short head
 * would often be read again, a second pass as long as the first: under a range of dates, which may
 * keep few of any head's rows; for a phrase, whose rows tie often (the same count of it in passages of
 * the same length: 29 of the 40 best of "is that") and whose pass reads positions; and for the
 * engine's own prefix, which each pass sets up again.
 */
function firstHead(expression: string, need: number, request: SearchRequest): number {
  if (request.from || request.to || fullText.readsPositions?.(expression) || fullText.setsUpPrefix?.(expression)) return LONGEST_HEAD;
  return Math.min(LONGEST_HEAD, Math.max(100, firstLookup(need) * 2 + 20));
}

/**
 * bestShown over the head of the index's own ranking of `expression`, `readHead(limit)` giving its
 * best `limit` rows: a short head first (firstHead), then the longest when the short one shows too
 * few (or ends among ties); null when even that does.
 */
export async function bestFromHead(
  db: QueryDb,
  expression: string,
  readHead: (limit: number) => Promise<{ id: number | bigint; score: number }[]>,
  need: number,
  request: SearchRequest,
  exclude: number[] = [],
): Promise<ScoredCandidate[] | null> {
  for (const limit of new Set([firstHead(expression, need, request), LONGEST_HEAD])) {
    const head = await readHead(limit);
    const complete = head.length < limit;
    const shown = await bestShown(db, head, complete, need, request, exclude);
    // Decided, or no longer head to read: every match was in this one.
    if (shown || complete) return shown;
  }
  return null;
}
