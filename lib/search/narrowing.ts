// A speaker's passages, used to narrow a search's matches before any passage row is read.
//
// Checking a speaker on a match means reading the match's passage and document rows: 1.4 µs a match,
// most of a filtered search's time when a word matches much of the archive (`when` for one speaker,
// 1,000,000 passages: 188,000 matches, 290 ms to rank, 267 ms to count). The speaker's passages can
// instead be read from their index into a set, once (about 0.5 µs a passage), which each match is
// checked against as the index yields it: the same ranking in 28 ms, and BM25 computed for the
// matches kept only. That pays when the set is not much larger than the matches, so it is used when
// the expression matches at least half as many passages as the speaker has. Both are counted with
// limits first (a few milliseconds), and only for an expression of FEWEST_MATCHES or more: below that
// the counting would cost more than it could save. Every filter is still checked on each row kept, so
// the results are the same either way.
//
// A topic is checked on the index's own row already (filters.ts), without reading the passage, each
// match looked up in PassageTopic. Against the set of the topic's passages, read once, a match costs
// less, but the set costs its reading: it pays when the matches are at least twice the topic's
// passages (topicSetFor). The ranking's statement for `be` among one topic's paragraphs: 100,000
// passages, 24 -> 8 ms; 1,000,000, 209 -> 147 ms; for a word in a hundred passages, 0.1 -> 1.4 ms.
// Sets were first tried without that rule, and topics came out from 18% faster to 20% slower, query
// by query. A kind holds a third of the archive or more: no set.
import 'server-only';
import { fullText, num, sql, type QueryDb, type Sql } from '@/lib/db';
import { speakerIdOf, topicIdOf } from './filters';
import type { SearchRequest } from './types';

/** A larger set costs more to build (and to count) than it can save: 100,000 passages, about 50 ms. */
export const NARROWING_CAP = 100_000;
/** Fewer matches are joined to their rows in about a millisecond: not worth counting the speaker's passages. */
export const FEWEST_MATCHES = 1_000;

export interface Narrowing {
  /** The filter whose passages the set holds. */
  filter: 'speaker';
  /** Its passages' ids, as a subquery. */
  ids: Sql;
  /** How many there are. */
  size: number;
}

/**
 * How many matches the first count looks for: enough to decide for a speaker of up to twice as many
 * passages without counting again. Each count of a prefix of many words costs FTS5's merge of their
 * lists (`bre*`, 1,000,000 passages: 29 ms, a third of it spent twice for one speaker's 4,300 passages).
 */
const FIRST_COUNT = 4 * FEWEST_MATCHES;

async function decide(db: QueryDb, expression: string, request: SearchRequest): Promise<Narrowing | null> {
  // One document's matches are read within its span of ids already.
  if (!fullText.amongIds || request.document || !request.speaker) return null;
  const seen = await matchesUpTo(db, expression, FIRST_COUNT);
  if (seen < FEWEST_MATCHES) return null;
  const ids = sql`SELECT id FROM Passage WHERE speakerId = ${speakerIdOf(request.speaker)}`;
  const [counted] = await db.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM (${ids} LIMIT ${NARROWING_CAP + 1}) s`;
  const size = num(counted.n);
  if (size > NARROWING_CAP) return null;
  const enough = Math.ceil(size / 2);
  const matches = seen >= enough || seen < FIRST_COUNT ? seen : await matchesUpTo(db, expression, enough);
  return matches >= enough ? { filter: 'speaker', ids, size } : null;
}

/**
 * How many passages (of any document) the expression matches, counted up to `limit`: its phrases'
 * words in any order, an upper bound read without positions. Counted as written, `"in a"` took 110
 * ms to find 26,000 of its matches (1,000,000 passages), and its ranking then read them all again.
 */
async function matchesUpTo(db: QueryDb, expression: string, limit: number): Promise<number> {
  const bound = fullText.unordered?.(expression) ?? expression;
  const [matched] = await db.$queryRaw<{ n: number | bigint }[]>`
    SELECT count(*) AS n FROM (${fullText.rowsMatching(bound)} LIMIT ${limit}) m`;
  return num(matched.n);
}

// The ranking and the count of one search ask alike: decided once per request and expression.
const decided = new WeakMap<SearchRequest, Map<string, Promise<Narrowing | null>>>();

/** The speaker filter's passages as a set of ids, when checking the matches against it pays; else null. */
export function narrowingFor(db: QueryDb, expression: string, request: SearchRequest): Promise<Narrowing | null> {
  let byExpression = decided.get(request);
  if (!byExpression) decided.set(request, (byExpression = new Map()));
  let narrowing = byExpression.get(expression);
  if (!narrowing) byExpression.set(expression, (narrowing = decide(db, expression, request)));
  return narrowing;
}

/** The share of all passages the filters checked on the index's row keep: the speaker's (when narrowed to them; else all), times the topic's. */
export async function indexRowShare(db: QueryDb, request: SearchRequest, narrowing: Narrowing | null, rows: number): Promise<number> {
  const speaker = request.speaker ? (narrowing ? narrowing.size / rows : 1) : 1;
  if (!request.topic) return speaker;
  return speaker * ((await topicPassageCount(db, request)) / rows);
}

const topicCounts = new WeakMap<SearchRequest, Promise<number>>();

/** How many passages the request's topic has (0 without a topic), counted once per request. */
function topicPassageCount(db: QueryDb, request: SearchRequest): Promise<number> {
  let counted = topicCounts.get(request);
  if (!counted) {
    const topic = request.topic;
    counted = topic
      ? db.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM PassageTopic WHERE topicId = ${topicIdOf(topic)}`.then(([row]) => num(row.n))
      : Promise.resolve(0);
    topicCounts.set(request, counted);
  }
  return counted;
}

/** A topic's passages, as a subquery of ids: the set a filter on that topic checks matches against (filters.ts, indexRowFilter's `topicSet`). */
export const topicPassages = (slug: string): Sql => sql`SELECT passageId FROM PassageTopic WHERE topicId = ${topicIdOf(slug)}`;

/** Matches per passage of the topic from which checking them against the topic's set pays (see above). */
const TOPIC_SET_RATIO = 2;

/**
 * The topic filter's passages as a set of ids (a subquery), when checking the matches against it
 * pays: `matches` (the expression's, estimated by the count's probe: counting.ts) at least
 * TOPIC_SET_RATIO times the topic's passages; else null. Counted up to that line, the matches cost
 * as much as the set saved, for every expression of a natural query (1,000,000 passages: up to 12 ms).
 */
export async function topicSetFor(db: QueryDb, request: SearchRequest, matches: number): Promise<Sql | null> {
  // Few matches first: the topic's passages are not even counted (1.5 ms for a large topic at 1,000,000 passages).
  if (!fullText.amongIds || !request.topic || matches < FEWEST_MATCHES) return null;
  const size = await topicPassageCount(db, request);
  if (size > NARROWING_CAP || matches < TOPIC_SET_RATIO * size) return null;
  return topicPassages(request.topic);
}
