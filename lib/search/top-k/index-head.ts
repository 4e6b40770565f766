// The ranked page of a search no list answers, from the head of the index's own ranking: FTS5 orders
// the matches by BM25 without joining each to its passage and document (a third of the time of a
// ranking at 1,000,000 passages), and only the head is looked up. Exact, or null: the page is decided
// only by rows scoring strictly better than the last row read, since rows tied with it may be unread,
// and only when enough of those rows belong to published documents. Unfiltered searches only: a filter
// keeping few passages would need a head as long as the matches.
import 'server-only';
import { fullText, join, num, type QueryDb } from '@/lib/db';
import { hasFilters } from '../filters';
import { isPlainMatch, type LexicalMatch } from '../lexical-match';
import { isPublicDocument } from '../public-documents';
import type { SearchRequest } from '../types';
import { byRank, type ScoredCandidate } from './alternatives';
import type { TopKPassage } from './rank';

/** The head read for a page reaching `need`: most matches are published, and the head's last rows may tie. */
const headFor = (need: number) => need * 2 + 20;
/** A page deeper than this ranks the old way. */
const LONGEST_HEAD = 1_000;

export async function rankFromIndexHead(
  db: QueryDb,
  match: LexicalMatch,
  request: SearchRequest,
  window: { limit: number; offset: number; exclude?: number[] },
): Promise<TopKPassage[] | null> {
  if (!fullText.bestMatches || !isPlainMatch(match) || hasFilters(request) || request.document) return null;
  const need = window.offset + window.limit;
  const size = headFor(need);
  if (size > LONGEST_HEAD) return null;
  const head = await db.$queryRaw<{ id: number | bigint; score: number }[]>(fullText.bestMatches(match.expression, size));
  const complete = head.length < size;
  const last = head.at(-1)?.score;
  // Every match scoring below the last row read is in the head; one tied with it may not be.
  const sure = complete ? head : head.filter((row) => row.score < last!);
  const excluded = new Set(window.exclude ?? []);
  const ids = sure.map((row) => num(row.id)).filter((id) => !excluded.has(id));
  // FTS5's rank with its sign flipped: BM25, higher is better, as the lists give it.
  const scores = new Map(sure.map((row) => [num(row.id), -row.score]));
  const published =
    ids.length === 0
      ? []
      : await db.$queryRaw<{ id: number | bigint; publishedOn: string; position: number | bigint }[]>`
          SELECT p.id AS id, d.publishedOn AS publishedOn, p.position AS position
          FROM Passage p CROSS JOIN Document d ON d.id = p.documentId
          WHERE p.id IN (${join(ids)}) AND ${isPublicDocument}`;
  if (!complete && published.length < need) return null;
  const rows: ScoredCandidate[] = published.map((row) => ({
    id: num(row.id),
    bm25: scores.get(num(row.id))!,
    publishedOn: row.publishedOn,
    position: num(row.position),
  }));
  return rows
    .sort(byRank)
    .slice(window.offset, need)
    .map(({ id, bm25 }) => ({ id, bm25 }));
}
