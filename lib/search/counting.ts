// How many passages a lexical plan matches, and the facet counts, without reading every match when
// there are many. Up to EXACT_COUNT_CAP matches every count is exact (one LIMITed probe tells, and
// FTS5 stops reading at the limit). Past it the counts are estimated from a sample, and the response
// says so (`approximate`): a page shows "about 88,000", the API sets the flag.
//
// The estimate: a systematic sample, every k-th passage by id (`rowid % k = 0`), decided as FTS5
// yields the matches, so only the sampled matches are joined to their passages and documents and
// grouped; every count (the total under the filters, each facet under the other filters) is the
// sample's count times k. A document's passages have consecutive ids, so every document is sampled in
// proportion to its size: speakers, topics and years are estimated as well as the total. k comes from
// the probe's density, for about SAMPLE_TARGET sampled matches (a listed term's from its list, below);
// the same archive gives the same answer every time (pages of one query agree). With filters, a
// second probe counts the filtered matches exactly while they are at most the cap. (Windows of consecutive ids were tried first: bound
// as JavaScript numbers, i.e. REAL, the windows' limits kept FTS5 from seeking, so each window cost a
// pass; and one document's passages sat together in a window, which put the facets off by 46%.)
//
// Measured on the 100,000-passage benchmark corpus (seed 42) for `the`, `was*`, `"of the"`, `people` and
// `her*` (15,000-89,000 matches): totals within 1.3% of the exact count; the three largest years within
// 1-15%; the two largest speakers (~1% of the matches each, ~20 in the sample) within 10-35%. A count
// is 8-41 ms, against 124-524 ms for sixteen windows of ids. They are labelled estimates; a value
// shown always filters exactly. A phrase ranked from the index's head takes the sample in the same pass
// as its best matches, and a word ranked from its list in the pass that counts the word's passages for
// its idf; the count reads the sample from there (takeSample): the same sample, one pass fewer. A
// phrase too seldom met to sample (every match counted) has all its matches kept by that pass, as a
// sample of every one (`"a to"`, 4,000 matches of 100,000 passages: its count 20 -> 12 ms). A listed
// word's or phrase's sample is stored with its list and kept exact (top-k/stored-counts.ts): its k is
// the list's, chosen by the build from the term's number of passages as sampleStride chooses here.
import 'server-only';
import { fullText, idList, num, sql, type QueryDb, type Sql } from '@/lib/db';
import { keptFacetColumns, stillCurrent } from './facet-columns';
import { countRows, EMPTY_FACETS, passagesByIds, passagesWhere, type IndexIdsRead } from './facets';
import { firstShown, keepsNone } from './memory-facets';
import { filterSql, hasFilters, matchedRows, speakerIdOf, type MatchedRowsOptions } from './filters';
import { narrowingFor } from './narrowing';
import { isPublicDocument } from './public-documents';
import { isPlainMatch, type LexicalMatch } from './lexical-match';
import type { SearchFacets, SearchRequest } from './types';
import { storedCountOf, type StoredCount } from './top-k/stored-counts';

/** Up to this many matches, the total and every facet are counted exactly. */
export const EXACT_COUNT_CAP = 1_000;
/** About how many matches the sample behind an estimate reads. */
const SAMPLE_TARGET = 2_000;

/** The sample's stride for about `matches` matches: every k-th passage by id, or null to count every match (fewer than two strides' worth). */
export function sampleStride(matches: number): number | null {
  const every = Math.floor(matches / SAMPLE_TARGET);
  return every < 2 ? null : every;
}

export interface Counted {
  total: number;
  facets: SearchFacets;
  /** The counts are estimates (more than EXACT_COUNT_CAP matches). */
  approximate?: true;
}

/** The passages a plan matches (published, in the asked document), or a sample of them: a row source for countRows. */
export const planRows = (match: LexicalMatch, request: SearchRequest, options: Omit<MatchedRowsOptions, 'withRank'> = {}): Sql =>
  sql`SELECT * FROM (${matchedRows(match.expression, request, options)}) x WHERE ${match.where}`;

/**
 * planRows's passages as ids read from the index alone (fullText.matchedIds), for countRows to check
 * publication and the document from the facet columns; undefined where the engine cannot.
 */
const planIds = (match: LexicalMatch, request: SearchRequest, sampleEvery?: number): Sql | undefined =>
  fullText.matchedIds && sql`SELECT x.id AS id FROM (${fullText.matchedIds(match.expression, sampleEvery, request.document)}) x WHERE ${match.where}`;

/** At most `limit` of the plan's matches, counted (with the request's filters when `filtered`), and the id span they cover. */
async function probe(db: QueryDb, match: LexicalMatch, request: SearchRequest, filtered: boolean, limit: number) {
  const narrowing = filtered ? await narrowingFor(db, match.expression, request) : null;
  // A speaker's few passages, narrowed to, are read alone (narrowing.ts); the engine's own prefix, and
  // an initialism's condition (a set), would be set up again for each reading: the statement reads once.
  const onColumns = !filtered || (!narrowing && isPlainMatch(match) && !fullText.setsUpPrefix?.(match.expression));
  const fromIndex = onColumns ? await probeFromIndex(db, match, request, limit, filtered) : null;
  if (fromIndex) return fromIndex;
  const where = filtered ? filterSql(request) : sql`1 = 1`;
  // The topic is looked up match by match here, not checked against its set (topicSetFor): the probe
  // mostly stops at its limit, before the set would pay for its reading (`"and of"` in one topic,
  // 1,000,000 passages: 24 ms, against 37 ms and 12 more to decide on the set).
  const [row] = await db.$queryRaw<{ n: number | bigint; first: number | bigint | null; last: number | bigint | null }[]>`
    SELECT count(*) AS n, min(id) AS first, max(id) AS last FROM (SELECT x.id AS id FROM (${planRows(match, request, { filtered, narrowing })}) x WHERE ${where} LIMIT ${limit}) r`;
  return { n: num(row.n), first: row.first === null ? 0 : num(row.first), last: row.last === null ? 0 : num(row.last) };
}

/** A filtered probe's readings grow to this many ids at most (a filter that keeps none reads every match). */
const MOST_IDS_A_READING = 65_536;

/**
 * The probe from the index's ids alone, publication, the document and (`filtered`) the filters checked
 * on the facet columns where they are kept (100,000 passages: 0.41 ms an unfiltered probe reading each
 * match's passage and document, ~0.1 ms so; 1,000,000 passages, filtered: `"to and"` among questions
 * 20 -> 14 ms, `was*` in a topic among paragraphs 18 -> 10 ms). The index yields its matches by id, as
 * it does to the statement, so the same first `limit` are counted. Null where the columns are not kept
 * or changed meanwhile.
 */
async function probeFromIndex(db: QueryDb, match: LexicalMatch, request: SearchRequest, limit: number, filtered: boolean) {
  const columns = keptFacetColumns(db);
  if (!columns || !fullText.matchedIds) return null;
  // A speaker, topic or kind the archive does not have: no match meets the filters (read none).
  if (filtered && keepsNone(columns, request)) return { n: 0, first: 0, last: 0 };
  // A quarter more than the limit, for the matches not shown (in drafts; in other documents within the
  // asked one's span of ids); then what the share kept so far says the rest needs, a tenth more (twice
  // as many as before while none is kept): a reading past what is needed reads positions for nothing.
  let reading = limit + Math.ceil(limit / 4);
  let readSoFar = 0;
  const shown: number[] = [];
  const everyRead: number[] = [];
  for (let after: number | undefined; ;) {
    const [{ ids }] = await db.$queryRaw<{ ids: string }[]>`
      SELECT json_group_array(id) AS ids FROM (
        SELECT x.id AS id FROM (${fullText.matchedIds(match.expression, undefined, request.document, after)}) x
        WHERE ${match.where} LIMIT ${reading}) r`;
    const read: number[] = JSON.parse(ids);
    const more = firstShown(columns, read, request, limit - shown.length, filtered);
    if (!more || !stillCurrent(db, columns)) return null;
    shown.push(...more);
    // Unfiltered, every match read (a few more than the limit, unless many are not shown): the count
    // may count them without reading them again (countRows). A filtered probe may read every match of
    // a common word, which nothing needs kept.
    if (!filtered) everyRead.push(...read);
    const readAll = read.length < reading;
    if (shown.length === limit || readAll) {
      const counted = { n: shown.length, first: shown[0] ?? 0, last: shown.at(-1) ?? 0 };
      return !filtered && readAll ? { ...counted, indexIds: { ids: everyRead, stamp: columns.stamp } } : counted;
    }
    after = read[read.length - 1];
    readSoFar += read.length;
    const needed = shown.length > 0 ? Math.ceil((1.1 * (limit - shown.length) * readSoFar) / shown.length) : 2 * reading;
    reading = Math.min(Math.max(needed, 100), MOST_IDS_A_READING);
  }
}

/**
 * How many of the plan's `matches` (an estimate) the request's filters keep, counted up to the cap
 * (cap + 1: more). A speaker with fewer passages than the lookups those matches are worth has their
 * passages read first, each looked up in the index (`the` by a speaker of 1,100 passages, 100,000
 * in the archive: 33 ms reading the index's 98,000 matches, 8 ms looking the speaker's passages up);
 * any other filter is checked on the index's matches. Matches narrowed by the speaker's set of passages
 * (narrowing.ts) are read without their rows, which beats the lookups unless each match's positions
 * must be checked (1,000,000 passages, one speaker: `but` 28 against 184 ms, `north korea` 15 against
 * 588 ms; the phrase `"of the"` 200 against 141 ms). When the search's ranking sorted every filtered
 * match (rankEveryMatch), it counted them, and that count is read instead (`"of the"` for one speaker,
 * 1,000,000 passages: 85 ms saved).
 */
async function filteredCount(db: QueryDb, match: LexicalMatch, request: SearchRequest, matches: number): Promise<number> {
  const kept = keptFilteredCount(match, request);
  if (kept !== undefined) return Math.min(kept, EXACT_COUNT_CAP + 1);
  const slug = request.document ? undefined : request.speaker;
  const lookup = slug ? fullText.lookupMatch?.(match.expression) : null;
  const narrowed = (await narrowingFor(db, match.expression, request)) !== null;
  const lookups = lookup && (lookup.readsPositions || !narrowed) ? Math.floor(matches / lookup.cost) : 0;
  if (slug && lookup && lookups > 0) {
    const speaker = speakerIdOf(slug);
    const [spoken] = await db.$queryRaw<{ n: number | bigint }[]>`
      SELECT count(*) AS n FROM (SELECT 1 FROM Passage WHERE speakerId = ${speaker} LIMIT ${lookups}) s`;
    if (num(spoken.n) < lookups) {
      const rows = passagesWhere(sql`p.speakerId = ${speaker} AND ${isPublicDocument} AND ${lookup.matches(sql`p.id`)}`);
      const [row] = await db.$queryRaw<{ n: number | bigint }[]>`
        SELECT count(*) AS n FROM (SELECT x.id FROM (${rows}) x WHERE ${match.where} AND ${filterSql(request)} LIMIT ${EXACT_COUNT_CAP + 1}) r`;
      return num(row.n);
    }
  }
  return (await probe(db, match, request, true, EXACT_COUNT_CAP + 1)).n;
}

/** Whether the plan matches anything under the request's filters (one row read at most). */
export async function anyMatch(db: QueryDb, match: LexicalMatch, request: SearchRequest): Promise<boolean> {
  return (await probe(db, match, request, true, 1)).n > 0;
}

/**
 * The total and facets of the plan's matches plus `alsoIds` (passages found by meaning alone, none of
 * them matched by the plan), each passage counted once: exact up to the cap, estimated past it.
 */
export async function countMatches(db: QueryDb, match: LexicalMatch | null, request: SearchRequest, alsoIds: number[] = []): Promise<Counted> {
  const also = alsoIds.length > 0 ? passagesByIds(alsoIds) : null;
  if (!match) return also ? countRows(db, also, request) : { total: 0, facets: EMPTY_FACETS };
  const { all, matches, every } = await samplingOf(db, match, request);
  if (every === null) {
    // A sample of half the matches or more would cost what counting everything does: count everything,
    // read by the ranking's own pass where it read them all (a phrase's index head: readHead), else by
    // the probe's, which read every match's id to count them.
    const taken = takenSample(match, request, 1);
    const rows = taken ? takenRows(match, taken) : planRows(match, request);
    // The passages found by meaning are not the index's: their rows are read (and only then can the index's ids stand in).
    if (also) return countRows(db, sql`${rows} UNION ALL ${also}`, request);
    return countRows(db, rows, request, taken ? takenIds(match, taken) : (all.indexIds ?? planIds(match, request)));
  }

  // The ranking may have taken the very sample in its own pass over the matches (takeSample).
  const taken = takenSample(match, request, every);
  const sample = taken ? takenRows(match, taken) : planRows(match, request, { sampleEvery: every });
  const sampleIds = taken ? takenIds(match, taken) : planIds(match, request, every);
  const scale = every;
  const [sampled, filtered, exactAlso] = await Promise.all([
    countRows(db, sample, request, sampleIds),
    hasFilters(request) ? filteredCount(db, match, request, matches) : Promise.resolve(all.n),
    also ? countRows(db, also, request) : Promise.resolve({ total: 0, facets: EMPTY_FACETS }),
  ]);
  // A filtered total the probe saw in full is exact; one past the cap is at least cap + 1.
  const total = filtered <= EXACT_COUNT_CAP ? filtered : roundEstimate(Math.max(EXACT_COUNT_CAP + 1, sampled.total * scale));
  return {
    total: total + exactAlso.total,
    facets: addFacets(scaleFacets(sampled.facets, scale), exactAlso.facets),
    approximate: true,
  };
}

interface Sampling {
  /**
   * The probe: at most EXACT_COUNT_CAP + 1 of the plan's matches, counted, and the span of ids they
   * cover; with `indexIds`, every match's id, when it read them all from the index.
   */
  all: { n: number; first: number; last: number; indexIds?: IndexIdsRead };
  /** The matches in the whole archive: estimated from the probe's density, or the probe's count when it saw them all. */
  matches: number;
  /** The sample's stride: every k-th passage by id; null when every match is counted. */
  every: number | null;
  /** The listed term's stored count and sample the stride is (top-k/stored-counts.ts), read once for the whole search. */
  stored?: StoredCount;
}

/**
 * What one search's ranking and count learn about its plan and share: the sampling, the sample the
 * ranking took, the filtered count it made. Kept with the plan object, which lives as long as its
 * search, for the request it serves (another request starts afresh).
 */
interface Shared {
  request: SearchRequest;
  sampling?: Promise<Sampling>;
  sample?: { every: number; ids: number[] };
  filteredCount?: number;
}
const shared = new WeakMap<LexicalMatch, Shared>();

function sharedFor(match: LexicalMatch, request: SearchRequest): Shared {
  const known = shared.get(match);
  if (known && known.request === request) return known;
  const fresh: Shared = { request };
  shared.set(match, fresh);
  return fresh;
}

/**
 * How the plan's matches are counted: all of them, or a sample of every k-th. Decided once for the
 * search: its count needs it, and so does its ranking when it takes the sample in the same pass as its
 * best matches (rankFromIndexHead).
 */
export function samplingOf(db: QueryDb, match: LexicalMatch, request: SearchRequest): Promise<Sampling> {
  const known = sharedFor(match, request);
  return (known.sampling ??= decideSampling(db, match, request));
}

async function decideSampling(db: QueryDb, match: LexicalMatch, request: SearchRequest): Promise<Sampling> {
  const all = await probe(db, match, request, false, EXACT_COUNT_CAP + 1);
  if (all.n <= EXACT_COUNT_CAP) return { all, matches: all.n, every: null };
  // Two subqueries: min and max together in one SELECT would scan the table instead of reading its two ends.
  const [bounds] = await db.$queryRaw<{ lo: number | bigint; hi: number | bigint }[]>`
    SELECT (SELECT min(id) FROM Passage) AS lo, (SELECT max(id) FROM Passage) AS hi`;
  const span = num(bounds.hi) - num(bounds.lo) + 1;
  // Matches per id in the probe's stretch (an underestimate if they came out of order: a larger sample, never a wrong one).
  const density = all.n / Math.max(1, all.last - all.first + 1);
  const matches = density * span;
  // A listed term's sample is stored with its list, at the list's stride (top-k/stored-counts.ts): the
  // same stride here lets the search read it, while it still fits the term's count (the stride is the
  // build's; an archive grown or shrunk by half since would read twice or half the sample's size).
  const stored = await storedCountOf(db, match, request);
  if (stored && strideFits(stored)) return { all, matches, every: stored.every, stored };
  return { all, matches, every: sampleStride(matches) };
}

/** Whether a stored sample's stride is within a factor of two of the one its count calls for now. */
function strideFits({ passages, every }: StoredCount): boolean {
  const now = sampleStride(passages);
  if (every === null || now === null) return every === now;
  return now <= 2 * every && 2 * now >= every;
}

/** The passages among `ids` (matches of the plan that its ranking read) that planRows gives: published, and meeting the plan's conditions. */
const takenRows = (match: LexicalMatch, ids: number[]): Sql => sql`SELECT * FROM (${passagesByIds(ids, isPublicDocument)}) x WHERE ${match.where}`;

/** takenRows's passages as ids alone, before publication is checked (as planIds gives them). */
const takenIds = (match: LexicalMatch, ids: number[]): Sql => sql`SELECT x.id AS id FROM (SELECT value AS id FROM (${idList(ids)})) x WHERE ${match.where}`;

/** Keeps the sample the plan's ranking took (the ids of every match that is a multiple of `every`, before any filter; `every` 1: all of them), for its count to read instead of taking it again. */
export function takeSample(match: LexicalMatch, request: SearchRequest, every: number, ids: number[]): void {
  sharedFor(match, request).sample = { every, ids };
}

/** The ids of the sample of every `every`-th match the plan's ranking took for this request, or null. */
export function takenSample(match: LexicalMatch, request: SearchRequest, every: number): number[] | null {
  const { sample } = sharedFor(match, request);
  return sample && sample.every === every ? sample.ids : null;
}

/** Keeps how many of the plan's matches pass the request's filters, counted whole by its ranking (rankEveryMatch), for its count to read instead of counting again. */
export function keepFilteredCount(match: LexicalMatch, request: SearchRequest, n: number): void {
  sharedFor(match, request).filteredCount = n;
}

/** The filtered count the plan's ranking made for this request (keepFilteredCount), or undefined. */
export const keptFilteredCount = (match: LexicalMatch, request: SearchRequest): number | undefined => sharedFor(match, request).filteredCount;

/**
 * Counts which of `ids` pass the request's filters and keeps that as the filtered count: `ids` are
 * every match of the plan that some of the filters keep, read by its ranking's pass. Counted on the
 * facet columns where they are kept (they keep exactly what the statement keeps: memory-facets.test.ts),
 * where the statement looked each passage and its document up (`was*` in a topic among paragraphs,
 * 100,000 passages: 3 ms); by the statement otherwise, or for a plan with conditions of its own. The
 * columns also keep to an asked document, which the statement does not check: its one caller, the
 * ranking lists, never answer a search within one document.
 */
export async function keepFilteredCountAmong(db: QueryDb, match: LexicalMatch, request: SearchRequest, ids: number[]): Promise<void> {
  const columns = isPlainMatch(match) ? keptFacetColumns(db) : null;
  const shown = columns && firstShown(columns, ids, request, ids.length, true);
  if (shown && stillCurrent(db, columns!)) return keepFilteredCount(match, request, shown.length);
  const [row] = await db.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM (${takenRows(match, ids)}) x WHERE ${filterSql(request)}`;
  keepFilteredCount(match, request, num(row.n));
}

/** An estimate to two significant figures: the digits past them would claim a precision it has not. */
export function roundEstimate(n: number): number {
  if (n < 100) return Math.round(n);
  const unit = 10 ** (Math.floor(Math.log10(n)) - 1);
  return Math.round(n / unit) * unit;
}

function scaleFacets(facets: SearchFacets, scale: number): SearchFacets {
  const scaled = (count: number) => Math.max(1, roundEstimate(count * scale));
  return {
    speakers: facets.speakers.map((f) => ({ ...f, count: scaled(f.count) })),
    topics: facets.topics.map((f) => ({ ...f, count: scaled(f.count) })),
    kinds: facets.kinds.map((f) => ({ ...f, count: scaled(f.count) })),
    years: facets.years.map((f) => ({ ...f, count: scaled(f.count) })),
  };
}

/** Two disjoint sets' facets, summed value by value, in each facet's order (count, or year). */
function addFacets(a: SearchFacets, b: SearchFacets): SearchFacets {
  const sum = <T extends { count: number }>(x: T[], y: T[], key: (t: T) => string, order: (p: T, q: T) => number): T[] => {
    const byKey = new Map(x.map((t) => [key(t), { ...t }]));
    for (const t of y) {
      const seen = byKey.get(key(t));
      if (seen) seen.count += t.count;
      else byKey.set(key(t), { ...t });
    }
    return [...byKey.values()].sort(order);
  };
  const byCount =
    <T extends { count: number }>(label: (t: T) => string) =>
    (p: T, q: T) =>
      q.count - p.count || label(p).localeCompare(label(q));
  const bySlugThenName = <T extends { slug: string; name: string; count: number }>(x: T[], y: T[]) =>
    sum(
      x,
      y,
      (e) => e.slug,
      byCount((e) => e.name),
    );
  return {
    speakers: bySlugThenName(a.speakers, b.speakers),
    topics: bySlugThenName(a.topics, b.topics),
    kinds: sum(
      a.kinds,
      b.kinds,
      (k) => k.kind,
      byCount((k) => k.kind),
    ),
    years: sum(
      a.years,
      b.years,
      (y) => String(y.year),
      (p, q) => q.year - p.year,
    ),
  };
}
