// The ranked page of a search no list answers, from the head of the index's own ranking: FTS5 orders
// the matches by BM25 without joining each to its passage and document (a third of the time of a
// ranking at 1,000,000 passages), and only the head is looked up. Exact, or null: the page is decided
// only by rows scoring strictly better than the last row read, since rows tied with it may be unread,
// and only when enough of those rows belong to published documents. Unfiltered searches only: a filter
// keeping few passages would need a head as long as the matches.
import 'server-only';
import { fullText, num, type QueryDb } from '@/lib/db';
import { hasFilters } from '../filters';
import { isPlainMatch, type LexicalMatch } from '../lexical-match';
import type { SearchRequest } from '../types';
import { byRank, shownAmong, type PageWindow, type ScoredCandidate } from './candidates';
import type { TopKPassage } from './rank';

/** The head read for a page reaching `need`: most matches are published, and the head's last rows may tie. */
const headFor = (need: number) => need * 2 + 20;
/** A page deeper than this ranks the old way. */
const LONGEST_HEAD = 1_000;

export async function rankFromIndexHead(db: QueryDb, match: LexicalMatch, request: SearchRequest, window: PageWindow): Promise<TopKPassage[] | null> {
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
  const published = await shownAmong(db, ids, request);
  if (!complete && published.length < need) return null;
  const rows: ScoredCandidate[] = published.map((row) => ({ ...row, bm25: scores.get(row.id)! }));
  return rows
    .sort(byRank)
    .slice(window.offset, need)
    .map(({ id, bm25 }) => ({ id, bm25 }));
}
