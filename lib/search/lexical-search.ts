// The lexical side of search: the words as typed first; a typo corrected (never a real word); then,
// for a query in a reader's own words, the passages matching most of its meaningful words. Returns
// ranked passage ids with scores, the total and the facets, for a page or for a fusion step to use.
import 'server-only';
import { empty, fullText, join, num, sql, type QueryDb, type Sql } from '@/lib/db';
import { anyMatch, countMatches, keepFilteredCount, planRows, samplingOf, type Counted } from './counting';
import { EMPTY_FACETS } from './facets';
import { filterSql, hasFilters, matchedRows } from './filters';
import { exactMatch, relaxedMatch, type LexicalMatch } from './lexical-match';
import { narrowingFor, topicSetFor } from './narrowing';
import { initialismsOf, isNaturalQuery, type ParsedQuery } from './query-parser';
import { corrections } from './spelling';
import type { PageWindow } from './top-k/candidates';
import { rankFromIndexHead } from './top-k/index-head';
import { rankPhraseFromCounts } from './top-k/phrase-counts';
import { rankFromLists } from './top-k/rank';
import type { MatchedBy, SearchRequest } from './types';

export interface RankedPassage {
  id: number;
  /** Higher is better: BM25 with its sign flipped; for a relaxed match, the words matched plus BM25 squeezed into [0, 1). */
  score: number;
}

export interface LexicalResult {
  /** The best passages from `offset`, at most `limit`, best first. */
  ranked: RankedPassage[];
  /** Whether any passage matched under the request's filters (on a later page `ranked` may be empty when some did). */
  found: boolean;
  /** The total and facets (counting.ts); null when the caller asked to count later, or nothing was found. */
  counted: Counted | null;
  /** The plan that found them (for snippets); null when nothing was found. */
  match: LexicalMatch | null;
  matchedBy?: Exclude<MatchedBy, 'meaning'>;
  /** The query with its typos corrected, when that is what was searched. */
  didYouMean?: string;
}

/**
 * Lexical search for a parsed query: exact, then corrected, then (natural queries only) relaxed.
 * Explicit syntax ("phrases", -word, OR, prefix*) is never relaxed: it means what it says.
 * With `count: false` the matches are not counted (`counted` is null): a caller that adds passages
 * found otherwise counts everything once itself (countMatches). With `relaxedWindow`, a match on only
 * some of the words is ranked over that window instead (a fusion's depth: hybrid search fuses such
 * matches with the passages nearest in meaning, and answers all the words found together by a page).
 */
export async function lexicalSearch(
  db: QueryDb,
  parsed: ParsedQuery,
  request: SearchRequest,
  window: PageWindow,
  options: { count?: boolean; relaxedWindow?: PageWindow } = {},
): Promise<LexicalResult> {
  const count = options.count ?? true;
  const initialisms = initialismsOf(request.q);
  const none: LexicalResult = { ranked: [], found: false, counted: count ? { total: 0, facets: EMPTY_FACETS } : null, match: null };
  const natural = isNaturalQuery(request.q, parsed);
  const exact = await exactMatch(db, parsed, initialisms, natural);
  if (!exact) return none;
  const found = await run(db, exact, request, window, count);
  if (found.found) return found;

  const fixes = await corrections(db, parsed, initialisms);
  for (const fix of fixes) {
    const corrected = await exactMatch(db, fix.query, initialisms, natural);
    const retry = corrected && (await run(db, corrected, request, window, count));
    if (retry && retry.found) return { ...retry, didYouMean: fix.text };
  }

  if (natural) {
    // The typos corrected, the real words kept: what the reader typed, matched on some of its words.
    const relaxed = await relaxedMatch(db, fixes[0]?.query ?? parsed, initialisms);
    const some = relaxed && (await run(db, relaxed, request, options.relaxedWindow ?? window, count));
    if (some && some.found) return fixes[0] ? { ...some, didYouMean: fixes[0].text } : some;
  }
  return found;
}

async function run(
  db: QueryDb,
  match: LexicalMatch,
  request: SearchRequest,
  window: { limit: number; offset: number },
  count: boolean,
): Promise<LexicalResult> {
  // Ranked before counted where the engine answers one statement at a time anyway (SQLite): the
  // ranking's pass over every match may take the count's sample too (rankFromIndexHead).
  const [ranked, counted] = fullText.bestMatchesAndSample
    ? [await rankWindow(db, match, request, window), count ? await countMatches(db, match, request) : null]
    : await Promise.all([rankWindow(db, match, request, window), count ? countMatches(db, match, request) : null]);
  // Counted, the total says whether anything matched; uncounted, a page of hits does, or one probe.
  const found = counted ? counted.total > 0 : ranked.length > 0 || (await anyMatch(db, match, request));
  return { ranked, found, counted, match, matchedBy: found ? match.matchedBy : undefined };
}

/** The passages a plan matches (published, in the asked document), as a row source `x`. */
export const matchingRows = (match: LexicalMatch, request: SearchRequest): Sql => planRows(match, request);

/** Which of `ids` the plan matches under the request's filters: a passage found by meaning may also be found by its words. */
export async function matchingAmong(db: QueryDb, match: LexicalMatch, request: SearchRequest, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db.$queryRaw<{ id: number | bigint }[]>`
    SELECT x.id AS id FROM (${matchingRows(match, request)}) x WHERE x.id IN (${join(ids)}) AND ${filterSql(request)}`;
  return new Set(rows.map((r) => num(r.id)));
}

/** The ranked passages of `window`. */
export async function rankWindow(db: QueryDb, match: LexicalMatch, request: SearchRequest, window: PageWindow): Promise<RankedPassage[]> {
  const sharedFirst = await rankSharedFirst(db, match, request, window);
  if (sharedFirst) return sharedFirst;
  // A frequent word's page comes from its impact-ordered list, an unfiltered search's from the head
  // of the index's own ranking, when either is provably the same page.
  // A phrase under a speaker or a topic is scored here from its counts, without FTS5's own pass to count its matches.
  const shortcut =
    (await rankFromLists(db, match, request, window)) ??
    (await rankFromIndexHead(db, match, request, window)) ??
    (await rankPhraseFromCounts(db, match, request, window));
  if (shortcut) return shortcut.map((hit) => ({ id: hit.id, score: scoreOf(hit.bm25, match.sameCoordination ?? null) }));
  return rankEveryMatch(db, match, request, window);
}

/** More passages with two of the words or more than this: the relaxed plan ranks the old way. */
const MOST_SHARED = 2_000;

/**
 * A relaxed plan's page in two parts: the passages with two of the query's words or more first (no
 * passage with one word ranks above them), then those with one, whose coordination is 1 for all and
 * whose order is BM25's, as a plain plan's (from a ranking list or the index head when they can).
 * Ranking every match weighed each one's coordination against a set of every word's passages
 * (`farmers regime hekalen internet`, 1,000,000 passages: 56,000 matches, 253 ms; its 6,000 passages
 * with two of the words ranked in 72 ms). Null when the plan has no such words (SQLite only), when
 * the page reaches past more than MOST_SHARED of those passages, or under a speaker: the old way then
 * reads the speaker's matches alone (narrowing.ts) in one statement, where the second part ranked them
 * again (`how can i help north farmers` for one speaker, 1,000,000 passages: 70 -> 97 ms).
 */
async function rankSharedFirst(db: QueryDb, match: LexicalMatch, request: SearchRequest, window: PageWindow): Promise<RankedPassage[] | null> {
  const words = match.wordsFound;
  if (!match.coordination || !words || words.length < 2 || !fullText.amongIds || request.speaker) return null;
  const pairs = words.flatMap((a, i) => words.slice(i + 1).map((b) => `((${a}) AND (${b}))`));
  const shared = fullText.rowsMatching(pairs.join(' OR '));
  const need = window.offset + window.limit;
  const first = await rankEveryMatch(db, match, request, { limit: need, offset: 0, exclude: window.exclude }, shared);
  if (first.length === need) return first.slice(window.offset);
  // Every passage with two words or more is in `first` (under the filters); those with one come next.
  const sharedIds = await db.$queryRaw<{ id: number | bigint }[]>`SELECT rowid AS id FROM (${shared} LIMIT ${MOST_SHARED + 1})`;
  if (sharedIds.length > MOST_SHARED) return null;
  const oneWord: LexicalMatch = { ...match, coordination: null, sameCoordination: 1, wordsFound: undefined };
  const exclude = [...(window.exclude ?? []), ...sharedIds.map((row) => num(row.id))];
  const rest = await rankWindow(db, oneWord, request, { limit: need - first.length, offset: 0, exclude });
  return [...first, ...rest].slice(window.offset);
}

/** rankWindow the way that always works: FTS5 scores every match (or every match `among` some passages, as a subquery), SQLite sorts them. */
export async function rankEveryMatch(db: QueryDb, match: LexicalMatch, request: SearchRequest, window: PageWindow, among?: Sql): Promise<RankedPassage[]> {
  const coordination = match.coordination ?? sql`0`;
  const excluded = window.exclude?.length ? sql`AND x.id NOT IN (${join(window.exclude)})` : empty;
  const narrowing = await narrowingFor(db, match.expression, request);
  const topicSet = request.topic ? await topicSetFor(db, request, (await samplingOf(db, match, request)).matches) : null;
  // `matched`: how many rows the ranking sorted, all of them, which is the filtered count a filtered
  // page's total needs (counting.ts), had nothing been left out. Only then: counted, every row is kept
  // for the count instead of the best few for the page (unfiltered natural queries, 1,000,000
  // passages: about 3 ms more each).
  const counted = hasFilters(request) && !among && !window.exclude?.length;
  const rows = await db.$queryRaw<{ id: number | bigint; rank: number; coordination: number | bigint; matched?: number | bigint }[]>`
    SELECT x.id AS id, x.rank AS rank, ${coordination} AS coordination ${counted ? sql`, count(*) OVER () AS matched` : empty}
    FROM (${matchedRows(match.expression, request, { withRank: true, filtered: true, narrowing, among, topicSet })}) x
    WHERE ${filterSql(request)} AND ${match.where} ${excluded}
    ORDER BY coordination DESC, x.rank, x.publishedOn DESC, x.id, x.position
    LIMIT ${window.limit} OFFSET ${window.offset}`;
  if (counted && rows.length > 0) keepFilteredCount(match, request, num(rows[0].matched!));
  return rows.map((row) => ({ id: num(row.id), score: scoreOf(-row.rank, match.coordination ? num(row.coordination) : (match.sameCoordination ?? null)) }));
}

/** One number that orders as the ranking does: words matched first, then BM25 (flipped, > 0) squeezed below 1. */
function scoreOf(bm25: number, coordination: number | null): number {
  // Reported precisely enough that the order of hits and the order of scores always agree.
  const score = coordination === null ? bm25 : coordination + bm25 / (1 + bm25);
  return Math.round(score * 1e6) / 1e6;
}
