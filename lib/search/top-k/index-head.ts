// The ranked page of a search no list answers, from the head of the index's own ranking: FTS5 orders
// the matches by BM25 without joining each to its passage and document (a third of the time of a
// ranking at 1,000,000 passages), and only the head is looked up. Exact, or null: the page is decided
// only by rows scoring strictly better than the last row read, since rows tied with it may be unread,
// and only when enough of those rows belong to published documents and pass the filters. A kind or a
// range of dates is checked on the head's rows alone, where ranking every match reads each match's
// passage and document to check it (1,000,000 passages: `negot*` among questions 655 -> 310 ms,
// `"nuclear weapons"` among questions 235 -> 104 ms). Not under a topic: ranking every match checks it
// on the index's own row and scores only the matches in it, which beat a head scored over every match
// (`a` in one topic: 485 ms that way, 853 ms from the head). Not under a speaker: their passages are
// seldom enough of a head's rows (and are narrowed instead: narrowing.ts). A short head is read first
// (firstHead), then the longest when it shows too few; when even those are too few, the old way ranks,
// after wasted reads of the head.
import 'server-only';
import { fullText, num, type QueryDb } from '@/lib/db';
import { samplingOf, takeSample, takenSample } from '../counting';
import { isPlainMatch, type LexicalMatch } from '../lexical-match';
import type { SearchRequest } from '../types';
import { bestFromHead, byRank, firstLookup, LONGEST_HEAD, type PageWindow } from './candidates';
import type { TopKPassage } from './rank';

/**
 * The index's `limit` best matches, best first (bestFromHead says how long a head it reads). The
 * count's sample is taken in the same pass and kept for it (takeSample), or every match when the count
 * reads them all (too few to sample): a pass over a phrase's matches reads its words' positions, and
 * the count's own pass cost as much as a third of the search (`"of the"`, 1,000,000 passages: 223 ms
 * of 756). Keeping every match costs about a microsecond each, which a phrase of rarer words does not
 * win back (100,000 passages: `"human rights"`, 1,821 matches, 13 -> 15 ms; `"was is"` 26 -> 24 ms,
 * `"a to"` 43 -> 39 ms): the slow ones gain. Should a head be read twice, the second finds the sample taken.
 */
async function readHead(db: QueryDb, match: LexicalMatch, request: SearchRequest, limit: number): Promise<{ id: number | bigint; score: number }[]> {
  const every = (await samplingOf(db, match, request)).every ?? 1;
  const both = !takenSample(match, request, every) ? fullText.bestMatchesAndSample?.(match.expression, limit, every) : null;
  if (!both) return db.$queryRaw(fullText.bestMatches!(match.expression, limit));
  const rows = await db.$queryRaw<{ id: number | bigint; score: number; sampled: number | bigint }[]>(both);
  takeSample(
    match,
    request,
    every,
    rows.filter((row) => num(row.sampled) === 1).map((row) => num(row.id)),
  );
  return rows.filter((row) => num(row.sampled) === 0).sort((a, b) => a.score - b.score);
}

/** Whether the head may decide the search's page (whatever its depth): the engine ranks by the index alone, and the plan and filters allow it. */
const headMayAnswer = (match: LexicalMatch, request: SearchRequest): boolean =>
  Boolean(fullText.bestMatches) && isPlainMatch(match) && !request.speaker && !request.topic && !request.document;

export async function rankFromIndexHead(db: QueryDb, match: LexicalMatch, request: SearchRequest, window: PageWindow): Promise<TopKPassage[] | null> {
  if (!headMayAnswer(match, request)) return null;
  const need = window.offset + window.limit;
  if (firstLookup(need) > LONGEST_HEAD) return null;
  const rows = await bestFromHead(db, match.expression, (limit) => readHead(db, match, request, limit), need, request, window.exclude);
  return rows
    ? rows
        .sort(byRank)
        .slice(window.offset, need)
        .map(({ id, bm25 }) => ({ id, bm25 }))
    : null;
}
