// The ranked page of a one-word search (or of a phrase with a list: build.ts) read from the word's
// impact-ordered list, instead of FTS5 computing BM25 for every passage using the word. Exact: returns
// the very passages, in the very order, that `ORDER BY bm25, publishedOn DESC, id, position` would, or
// null when it cannot be sure (no list, passages pending a rescore, filters or a page deeper than the
// list reaches): the caller then ranks the old way.
//
// Why it is exact. For one phrase, BM25 is idf × termPart(weight, length, averageLength), and idf is
// the same for every passage, so the order is termPart's. The list holds each passage's weight and
// length, so termPart is computed exactly at today's average length; its stored `score` is termPart
// at the build's average length a0, and no passage outside the list scores above the list's floor
// there. termPart at average a is at most its value at a0 times max(1, a / a0) (only the length term
// of its denominator scales, by a0 / a), so every passage past a point of the walk scores at most
// (the next stored score, or the floor) × max(1, a / a0). Once the page's last passage scores above
// that bound, no passage not yet seen can enter the page, nor tie with it.
//
// A listed word OR'ed with rarer alternatives ranks the same way: `was*` searches `("was" OR "washer"
// OR …)`, the words the prefix stands for, commonest first. BM25 adds one term per phrase, and a phrase
// a passage lacks adds exactly 0, so a passage with the listed word alone scores what it scores for
// that word alone, and the list ranks those. FTS5 scores the rest (alternatives.ts): every passage with
// the word and another alternative, and the best of those with only the others (when the others are
// one word with a list, that list ranks these, leaving out the passages with the first word:
// listedPage's `without`); the walk skips them.
import 'server-only';
import { fullText, num, readTotals, termImpactReading as reading, totalsOf, type QueryDb, type Sql } from '@/lib/db';
import { EXACT_COUNT_CAP, keepFilteredCountAmong, samplingOf, takeSample } from '../counting';
import { isPlainMatch, type LexicalMatch } from '../lexical-match';
import { keptFacetColumns } from '../facet-columns';
import { hasFilters, indexRowFilter } from '../filters';
import { firstShown } from '../memory-facets';
import { indexRowShare, narrowingFor, topicPassages } from '../narrowing';
import type { SearchRequest } from '../types';
import { listedWordOf, othersScored } from './alternatives';
import type { WordPart } from './others-alone';
import { listedFormOf } from './listed-forms';
import { byRank, shownAmong, type PageWindow, type ScoredCandidate } from './candidates';
import { FLOOR_IDF, idfOf, termPart } from './bm25';
import { storedSample } from './stored-counts';

export interface TopKPassage {
  id: number;
  /** BM25 with its sign flipped, as FTS5 computes it. */
  bm25: number;
}

const BATCH = 100;
const BOUND_MARGIN = 1e-9;
/** Kept passages added to those kept so far when judging whether a list can still fill the page (see below). */
const ASSUMED_EXTRA_KEPT = 3;

const countPassagesWith = async (db: QueryDb, word: string): Promise<number> =>
  num((await db.$queryRaw<{ n: number | bigint }[]>(reading.matchCount(`"${word}"`)))[0].n);

/**
 * The passages with the word, and the plan's count's sample (every k-th match by id, counting.ts),
 * kept for the count: the word's share of it read from what its list stores (stored-counts.ts: `the`
 * at 1,000,000 passages spent 49 of its 55 ms on the pass that took them), or, where that cannot
 * serve (a passage pending, filters that want the ids they keep), taken in one pass over the word's
 * matches; and, with other alternatives, theirs in a pass over the passages that have any of them,
 * whose count is kept too (`others`: the alternatives' cap in alternatives.ts reads it instead of
 * counting again). The plan's matches are exactly the union of those two sets (no document here:
 * rankFromLists leaves those to the old way), so the samples are joined without repeats. The others
 * are rarer words, so their pass is short, where the count's own pass over the whole expression read
 * the word's list again (`was*`, 1,000,000 passages: 55 ms; the two passes here add 9 and 4 ms to the
 * word's count, and leaving out the passages with the word, as this pass once did, walked the word's
 * list beside the others': 8 ms). Under a topic or a narrowed speaker expected to keep few of the
 * matches, the same passes also read the ids of the matches they keep, and the filtered count is
 * made from those, where the count's probe read every match again to find them all.
 */
async function countTakingSample(
  db: QueryDb,
  match: LexicalMatch,
  request: SearchRequest,
  { word, others, term }: { word: string; others: string | null; term: string },
): Promise<{ word: number; others: number | null }> {
  const { every, matches, stored } = await samplingOf(db, match, request);
  if (every === null) return { word: stored?.passages ?? (await countPassagesWith(db, word)), others: null };
  const kept = await fewKeptOnIndexRow(db, match, request, matches);
  const sampled = async (expression: string) => {
    const [row] = await db.$queryRaw<{ n: number | bigint; sample: string; kept: string | null }[]>(reading.matchCountAndSample(expression, every, kept));
    return { n: num(row.n), sample: JSON.parse(row.sample) as number[], kept: row.kept === null ? [] : (JSON.parse(row.kept) as number[]) };
  };
  // The word's count and sample as stored with its list (the sampling's stride is then the list's),
  // unless the filters want the ids they keep from the same pass (`kept`).
  const fromList = stored && !kept ? await storedSample(db, term, every) : null;
  const withWord = fromList && stored ? { n: stored.passages, sample: fromList, kept: [] } : await sampled(`"${word}"`);
  const withOthers = others ? await sampled(`(${others})`) : null;
  const union = (a: number[], b: number[] = []) => [...new Set([...a, ...b])];
  takeSample(match, request, every, union(withWord.sample, withOthers?.sample));
  if (kept) await keepFilteredCountAmong(db, match, request, union(withWord.kept, withOthers?.kept));
  return { word: withWord.n, others: withOthers?.n ?? null };
}

/**
 * Past this many matches expected under the filters checked on the index's row, the count's probe
 * finds the filtered count for less: it stops at the cap (counting.ts). Below it, the probe reads
 * every match to find them all, which a phrase's pass pays in its words' positions (`"and of"` in
 * one topic, 100,000 passages: 706 of 13,000 matches; 15 ms for the probe, against 2 ms more in the
 * count's pass and 0.3 ms to count the ids it kept).
 */
const MOST_KEPT_IDS = 4 * EXACT_COUNT_CAP;

/**
 * The condition on the index's row for the filters checked there, as sets of passages read once (the
 * narrowed speaker's, the topic's: a pass that reads every match of the word anyway), when they are
 * expected to keep few of the plan's `matches`; else null.
 */
async function fewKeptOnIndexRow(db: QueryDb, match: LexicalMatch, request: SearchRequest, matches: number): Promise<Sql | null> {
  if (!fullText.amongIds || (!request.topic && !request.speaker)) return null;
  const narrowing = await narrowingFor(db, match.expression, request);
  if (request.speaker && !narrowing) return null;
  const share = await indexRowShare(db, request, narrowing, (await readTotals(db)).rows);
  if (share * matches > MOST_KEPT_IDS) return null;
  return indexRowFilter(request, { narrowing, topicSet: request.topic ? topicPassages(request.topic) : null });
}

/** How far a list's first reading goes under filters (filteredReach): `entries` from its head, or that it never fills the page. */
type Reach = { fills: true; entries: number } | { fills: false };

/**
 * Under filters, how far the list's first reading should go: past the entry where the passages the
 * filters keep fill `wanted` places, by the facet columns kept in memory (the whole list's ids read at
 * once: 0.3 ms for 4,000 entries, where reading and looking up the entries in rounds took ~5 ms), and a
 * fifth further (10 entries at least): the page is decided only once its last passage scores above the
 * entry after the last one read, which it cannot do against its own entry. Null without filters or
 * columns. The entries read are then kept or left by shownAmong, from the same columns: both keep
 * exactly what the filters' statement keeps (memory-facets.test.ts), and a write the columns have not
 * seen makes shownAmong ask the statement for every id.
 */
async function filteredReach(db: QueryDb, listId: number, request: SearchRequest, wanted: number, skip: Set<number>): Promise<Reach | null> {
  const columns = hasFilters(request) ? keptFacetColumns(db) : null;
  if (!columns || wanted <= 0) return null;
  const [{ ids }] = await db.$queryRaw<{ ids: string }[]>(reading.ids(listId));
  const listed: number[] = JSON.parse(ids);
  const kept = firstShown(columns, skip.size > 0 ? listed.filter((id) => !skip.has(id)) : listed, request, wanted, true);
  if (!kept) return null;
  if (kept.length < wanted) return { fills: false };
  const through = listed.indexOf(kept[kept.length - 1]) + 1;
  return { fills: true, entries: Math.min(listed.length, through + Math.max(10, Math.ceil(through / 5))) };
}

/**
 * What the listed word adds to a passage's score: its idf, and at most its idf × the list's best entry
 * at today's average length. Read only for a word at FTS5's floor idf, the one others-alone.ts ranks
 * beside (for any other, `most` is left unbounded and unread).
 */
async function wordPartOf(db: QueryDb, listId: number, idf: number, drift: number): Promise<WordPart> {
  if (idf !== FLOOR_IDF) return { idf, most: Infinity };
  const [best] = await db.$queryRaw<{ score: number }[]>(reading.entries(listId, 0, 1));
  return { idf, most: idf * (best?.score ?? 0) * drift };
}

export async function rankFromLists(db: QueryDb, match: LexicalMatch, request: SearchRequest, window: PageWindow): Promise<TopKPassage[] | null> {
  const page = await listedPage(db, match, request, window, null);
  return page && page.map(({ id, bm25 }) => ({ id, bm25 }));
}

/** A phrase the walk leaves out (listedPage's `without`), with how many passages hold it. */
interface LeftOut {
  phrase: string;
  matches: number;
}

/**
 * Looking a passage up in a phrase's matches costs as much as walking this many of them: 15-50 µs a
 * look-up (more where the term's matches lie in more segments of the index), ~45 ns a match walked.
 */
const MATCHES_WALKED_PER_LOOKUP = 300;

/**
 * The rows of `rows` whose passages do not hold the phrase, only as many as a round of the walk keeps:
 * each looked up in the phrase's matches, or, where those are fewer than the look-ups would cost, all
 * of them walked once (`econo*` at 100,000 passages, 90 passages against the 6,843 of "economy": 4.3
 * ms looked up, 0.3 walked; at 1,000,000 passages, 68,908 of them, 1.3 against 2.9).
 */
async function notHolding<Row extends { id: number }>(db: QueryDb, leftOut: LeftOut, rows: Row[]): Promise<Row[]> {
  if (rows.length === 0) return rows;
  const ids = rows.map((row) => row.id);
  const walked = leftOut.matches < ids.length * MATCHES_WALKED_PER_LOOKUP;
  const statement = walked ? reading.holdingAmongMatches(leftOut.phrase, ids) : reading.holding(leftOut.phrase, ids);
  const held = new Set((await db.$queryRaw<{ id: number | bigint }[]>(statement)).map((row) => num(row.id)));
  return rows.filter((row) => !held.has(row.id));
}

/**
 * rankFromLists's page with what the order needs of each passage. With `without` (a phrase), among
 * the passages that do not hold it: for `("A" OR "B")`, walking B's list, those holding A are left
 * out (their whole score is not B's alone); a passage without A scores B's part alone, exactly, as
 * FTS5 adds 0 for the phrase it lacks (see above), so B's list ranks them (alternatives.ts).
 */
async function listedPage(
  db: QueryDb,
  match: LexicalMatch,
  request: SearchRequest,
  window: PageWindow,
  without: LeftOut | null,
): Promise<ScoredCandidate[] | null> {
  // One document's matches are read within its span of ids (fullText.matchedRows). Its passages are
  // seldom among a list's best, so a list cannot decide its page, and what the walk reads first is
  // wasted: `was*` in one document of 1,000,000 passages ranked in 90 ms with the list tried, 25 without.
  if (request.document) return null;
  const split = listedWordOf(match.expression);
  // An initialism's conditions or a relaxed plan's coordination: the old way handles them.
  if (!split || !isPlainMatch(match)) return null;
  const { word } = split;
  const term = await listedFormOf(db, word);
  const [list] = await db.$queryRaw<
    {
      id: number | bigint;
      floor: number;
      averageLength: number;
      size: number | bigint;
      passages: number | bigint | null;
      pending: number | bigint;
      totals: Uint8Array | null;
    }[]
  >(reading.list(term));
  if (!list || num(list.pending) !== 0) return null;
  const excluded = new Set(window.exclude ?? []);
  const listId = num(list.id);
  const totals = totalsOf(list.totals);
  // Scores computed at today's average may exceed the stored ones by this factor at most.
  const drift = Math.max(1, totals.averageLength / list.averageLength) * (1 + BOUND_MARGIN);
  const need = window.offset + window.limit;
  // The word's idf needs a count of its passages: taken once a page may be decided (not before a
  // filter gives up), or at once when other alternatives are to be weighed against the word.
  let counts: Awaited<ReturnType<typeof countTakingSample>> | null = null;
  // Walked for another word's alternatives (`without`), the search's count is not this word's: its
  // own is the one stored with its list (BM25's n, exact with no passage pending), its sample not wanted.
  const ownCount = async () => ({ word: list.passages !== null ? num(list.passages) : await countPassagesWith(db, word), others: null });
  const countsOf = async () => (counts ??= without ? await ownCount() : await countTakingSample(db, match, request, { word, others: split.others, term }));
  const countOfWord = async () => (await countsOf()).word;
  // The passages with any other alternative that may enter the page, with their whole scores; null
  // when they are more than half as many as the word's and no list ranks them: then ranking every
  // match costs no more. One other alternative, a word or phrase, may have a list of its own that ranks
  // its passages without the word (one level deep: within that walk, no other alternative).
  const other = split.others === null ? null : listedWordOf(split.others);
  const others = split.others
    ? await othersScored(db, word, split.others, request, {
        cap: Math.floor((await countOfWord()) / 2),
        othersCount: (await countsOf()).others,
        need,
        exclude: [...excluded],
        wordPart: await wordPartOf(db, listId, idfOf(totals.rows, await countOfWord()), drift),
        othersAlone:
          other && other.others === null
            ? async (otherWindow) =>
                listedPage(db, { ...match, expression: split.others! }, request, otherWindow, { phrase: `"${word}"`, matches: await countOfWord() })
            : undefined,
      })
    : [];
  if (!others) return null;
  // Every passage with the word and another alternative is among them: the walk skips those.
  const scoredElsewhere = new Set(others.map((c) => c.id));
  const reach = await filteredReach(db, listId, request, need - others.length, new Set([...excluded, ...scoredElsewhere]));
  // A list cut short whose entries the filters never fill the page from: the old way answers. (A list
  // holding every passage of its word answers with what it has.)
  if (reach && !reach.fills && list.floor > 0) return null;
  const fromList: (Omit<ScoredCandidate, 'bm25'> & { part: number })[] = [];
  let read = 0;
  // Each round reads twice as many entries as the last: a narrow filter reaches deep into a list in a
  // few rounds. Under filters the facet columns checked, the first round reads as far as they said.
  for (let round = 0; ; round++) {
    const size = round === 0 && reach?.fills ? Math.max(reach.entries, BATCH) : Math.max(BATCH, need * 4) * 2 ** round;
    const entries = await db.$queryRaw<{ passageId: number | bigint; score: number; weight: number; length: number | bigint }[]>(
      reading.entries(listId, read, size),
    );
    read += entries.length;
    const ids = entries.map((e) => num(e.passageId)).filter((id) => !excluded.has(id) && !scoredElsewhere.has(id));
    const byId = new Map(entries.map((e) => [num(e.passageId), e]));
    const shown = await shownAmong(db, ids, request);
    // The filters first: of the passages they keep, fewer are looked up for the phrase.
    for (const row of without ? await notHolding(db, without, shown) : shown) {
      const entry = byId.get(row.id)!;
      fromList.push({ ...row, part: termPart(entry.weight, num(entry.length), totals.averageLength) });
    }
    const exhausted = entries.length < size;
    // A filter that keeps too few of the passages read so far (or, walked `without` a phrase, too few
    // lack it) will not fill the page from this list:
    // stop reading (the old way answers) rather than read the rest of it first. Judged as if it had kept
    // a few more (ASSUMED_EXTRA_KEPT): from 100 entries, a filter that keeps 1% of a list keeps none a third
    // of the time, and gave up on lists it would have filled (`the` for one speaker, 1,000,000 passages).
    if (list.floor > 0 && others.length + ((fromList.length + ASSUMED_EXTRA_KEPT) * num(list.size)) / read < need) return null;
    if (others.length + fromList.length < need && !exhausted) continue;
    // Read to its end, a list cut short has too few passages the filters keep: the old way answers,
    // without the word's count taken below (the old way takes its own).
    if (exhausted && list.floor > 0 && others.length + fromList.length < need) return null;
    const wordIdf = idfOf(totals.rows, await countOfWord());
    // FTS5 adds idf × termPart for the word, and exactly 0 for each alternative a passage lacks.
    const kept = [...others, ...fromList.map(({ part, ...c }) => ({ ...c, bm25: wordIdf * part }))].sort(byRank);
    const page = () => kept.slice(window.offset, need);
    const next = exhausted ? list.floor : entries[entries.length - 1].score;
    if (kept.length >= need && kept[need - 1].bm25 > wordIdf * next * drift) return page();
    if (exhausted) return list.floor === 0 ? page() : null;
  }
}
