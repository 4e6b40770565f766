// The passages with a listed word's other alternatives (`was*`: `("was" OR "washer" OR …)`) that may
// enter the page, when the word is in half the passages or more: ranked in one pass of FTS5 over the
// others alone, instead of two over `"was" AND (others)` and `(others) NOT "was"`. Both of those
// carry the word, so FTS5 counted its passages again for its idf in each and read its positions in
// every passage of the first (`was*` at 1,000,000 passages: 58 and 38 ms; the others alone, 44).
//
// Why it is exact. FTS5's score of `("was" OR o1 OR …)` for a passage is the word's part (its idf ×
// termPart, bm25.ts) and then each other alternative's, added in turn, a missing one adding exactly 0;
// ranked alone, the others give each passage the same sum without the word's part (S). So a
// passage's whole score lies between S and S plus the most the word adds to any passage (its idf ×
// the list's best entry at today's average length). In half the passages or more, a word's idf is
// FTS5's floor, 1e-6, and that most is a few millionths: once `need` passages are read in order of
// S, only those within it of the need-th can reach the page, and they are scored whole from their
// own text, counted by FTS5's own tokenizer (lib/db's passageTermCounts). A rarer word adds enough to
// lift hundreds of passages over the line (`her*`, `escap*`: 80-400 at 100,000 passages), each to be
// read and counted: the two passes cost less there, and answer.
import 'server-only';
import { fullText, lengthOf, num, readTotals, termImpactReading as reading, type QueryDb } from '@/lib/db';
import { changeStampOf } from '../result-cache';
import type { SearchRequest } from '../types';
import { FLOOR_IDF, termPart, weightOf } from './bm25';
import { bestUnderFilters, byRank, firstLookup, LONGEST_HEAD, shownAmong, throughTies, type ScoredCandidate } from './candidates';

const ONE_WORD = /^"([^"*]+)"$/;
/** Past this many passages to score from their text (a deep page, many ties), the two passes answer. */
const MOST_SCORED_FROM_TEXT = 100;

/** What the listed word adds to a passage's score: its idf, and the most it adds to any passage. */
export interface WordPart {
  idf: number;
  most: number;
}

interface Terms {
  word: string;
  /** The other alternatives' terms, in the expression's order. */
  others: string[];
  /** Each other alternative as the expression writes it (`"washer"`), in the same order. */
  phrases: string[];
}

/** The index's term for the word and for each other alternative, or null unless each is one word held as one term, no two the same. */
function termsOf(db: QueryDb, word: string, others: string): Terms | null {
  const phrases = others.split(' OR ');
  const words = phrases.map((phrase) => ONE_WORD.exec(phrase)?.[1]);
  if (!db.indexStems || words.some((w) => w === undefined)) return null;
  const terms = db.indexStems([word, ...(words as string[])]);
  if (terms.some((term) => term === '' || term.includes(' ')) || new Set(terms).size !== terms.length) return null;
  return { word: terms[0], others: terms.slice(1), phrases };
}

/** The others' ranking, best first: passages the request may show, each with S as its bm25, and the highest S of a passage not among them (null: none). */
interface OthersRanking {
  shown: ScoredCandidate[];
  unseenAtMost: number | null;
}

/**
 * The S below which no passage can reach the page: the need-th shown passage's, less the most the word
 * adds (-Infinity while fewer are shown), and less the rounding of the additions that make a whole
 * score (one per alternative and the word, each up to half a unit in the last place of the score):
 * a passage's whole score is at least its S, and below the line no S reaches the need-th's.
 */
function lineOf(shown: ScoredCandidate[], need: number, most: number, additions: number): number {
  if (shown.length < need) return -Infinity;
  const s = shown[need - 1].bm25;
  return s - most - Math.abs(s) * Number.EPSILON * additions;
}

const byScore = (a: ScoredCandidate, b: ScoredCandidate) => b.bm25 - a.bm25;

/**
 * Without a topic or a speaker: the index's head of the others (FTS5's ordering by the index alone,
 * as index-head.ts reads it), its rows looked up a stretch at a time until the next one falls below
 * the line.
 */
async function fromHead(
  db: QueryDb,
  others: string,
  request: SearchRequest,
  need: number,
  exclude: Set<number>,
  line: (shown: ScoredCandidate[]) => number,
): Promise<OthersRanking> {
  const head = await db.$queryRaw<{ id: number | bigint; score: number }[]>(fullText.bestMatches!(others, LONGEST_HEAD));
  const complete = head.length < LONGEST_HEAD;
  const last = head.at(-1)?.score;
  // Cut short, the head may leave rows tied with its last unread: only rows scoring strictly better count.
  const sure = (complete ? head : head.filter((row) => row.score < last!)).filter((row) => !exclude.has(num(row.id)));
  const scores = new Map(sure.map((row) => [num(row.id), -row.score]));
  const shown: ScoredCandidate[] = [];
  let read = 0;
  while (read < sure.length && -sure[read].score >= line(shown)) {
    const end = throughTies(sure, read === 0 ? firstLookup(need) : read * 2);
    const found = await shownAmong(
      db,
      sure.slice(read, end).map((row) => num(row.id)),
      request,
    );
    shown.push(...found.map((row) => ({ ...row, bm25: scores.get(row.id)! })));
    shown.sort(byScore);
    read = end;
  }
  if (read < sure.length) return { shown, unseenAtMost: -sure[read].score };
  return { shown, unseenAtMost: complete || last === undefined ? null : -last };
}

/** Under a topic or a speaker: the best LONGEST_HEAD passages the filters keep, ranked by FTS5 with them. */
async function fromFiltered(db: QueryDb, others: string, request: SearchRequest, exclude: Set<number>): Promise<OthersRanking> {
  const rows = await bestUnderFilters(db, others, request, LONGEST_HEAD, [...exclude]);
  const complete = rows.length < LONGEST_HEAD;
  const last = rows.at(-1)?.bm25;
  // Cut short, the ranking may leave rows tied with its last unread: only rows scoring strictly better count.
  const shown = complete ? rows : rows.filter((row) => row.bm25 > last!);
  return { shown, unseenAtMost: complete || last === undefined ? null : last };
}

/**
 * The passages among `candidates` (each with S as its bm25) scored whole, as FTS5 scores the whole
 * expression: the word's part, then each other alternative's in the expression's order. A passage
 * without the word scores S; one with the word and one other alternative, the word's part plus S (two
 * numbers add the same in either order). With two others or more, the order of the additions decides
 * the last bit, so each other's part is read from FTS5 (bm25() of that alternative alone, for these
 * passages only), and their sum in order must give S exactly. Null when it does not, or a passage's
 * text shows none of the others: the reading here is not FTS5's.
 */
async function scoredWhole(db: QueryDb, terms: Terms, candidates: ScoredCandidate[], wordIdf: number): Promise<ScoredCandidate[] | null> {
  const ids = candidates.map((c) => c.id);
  const [texts, sizes, totals] = await Promise.all([
    db.$queryRaw<{ id: number | bigint; text: string; speaker: string; title: string }[]>(fullText.indexedText!(ids)),
    db.$queryRaw<{ id: number | bigint; sz: Uint8Array }[]>(reading.sizes(ids)),
    readTotals(db),
  ]);
  const lengths = new Map(sizes.map((row) => [num(row.id), lengthOf(row.sz)]));
  if (lengths.size !== ids.length || texts.length !== ids.length) return null;
  const counts = db.passageTermCounts!(
    texts.map((row) => ({ id: num(row.id), columns: [row.text, row.speaker, row.title] as const })),
    [terms.word, ...terms.others],
  );
  const read = candidates.map((candidate) => {
    const held = counts.get(candidate.id)!;
    const wordCounts = held.get(terms.word);
    const wordPart = wordCounts ? wordIdf * termPart(weightOf(wordCounts), lengths.get(candidate.id)!, totals.averageLength) : null;
    return { candidate, others: terms.others.filter((term) => held.has(term)), wordPart };
  });
  if (read.some(({ others }) => others.length === 0)) return null;
  const parts = await othersParts(
    db,
    terms,
    read.filter(({ others, wordPart }) => wordPart !== null && others.length > 1),
  );
  const scored: ScoredCandidate[] = [];
  for (const { candidate, others, wordPart } of read) {
    if (wordPart === null || others.length === 1) {
      scored.push({ ...candidate, bm25: (wordPart ?? 0) + candidate.bm25 });
      continue;
    }
    let othersSum = 0.0;
    let whole = 0.0 + wordPart;
    for (const term of others) {
      const part = parts.get(term)?.get(candidate.id);
      if (part === undefined) return null;
      othersSum += part;
      whole += part;
    }
    if (othersSum !== candidate.bm25) return null;
    scored.push({ ...candidate, bm25: whole });
  }
  return scored;
}

/** For the passages given, each other alternative's part of their score as FTS5 computes it (by term, then passage). */
async function othersParts(db: QueryDb, terms: Terms, passages: { candidate: ScoredCandidate; others: string[] }[]): Promise<Map<string, Map<number, number>>> {
  const parts = new Map<string, Map<number, number>>();
  for (const [i, term] of terms.others.entries()) {
    const ids = passages.filter(({ others }) => others.includes(term)).map(({ candidate }) => candidate.id);
    if (ids.length === 0) continue;
    const rows = await db.$queryRaw<{ id: number | bigint; score: number }[]>(reading.scoresAmong(terms.phrases[i], ids));
    parts.set(term, new Map(rows.map((row) => [num(row.id), -row.score])));
  }
  return parts;
}

/**
 * The best `need` passages the request may show among those with any of `others`, scored as FTS5
 * scores the whole `("word" OR others)`, and every one tied with the last; or null where this way
 * does not answer (a word in fewer than half the passages, alternatives that are not one word each,
 * too many passages within reach of the page, a reading that differs from FTS5's): the caller then
 * ranks the two parts with FTS5. Every passage with the word and another alternative that is not
 * returned ranks below `need` that are, as alternatives.ts requires.
 */
export async function othersRankedAlone(
  db: QueryDb,
  word: string,
  others: string,
  request: SearchRequest,
  limits: { need: number; exclude: number[]; wordPart: WordPart },
): Promise<ScoredCandidate[] | null> {
  const { need, wordPart } = limits;
  if (wordPart.idf !== FLOOR_IDF || !fullText.bestMatches || !fullText.indexedText || !db.passageTermCounts) return null;
  const terms = termsOf(db, word, others);
  if (!terms) return null;
  // The reads below may be statements of their own (outside a search thread's one read:
  // lib/db/sqlite/one-read.ts): a write committed between them (another process's) could pair one
  // passage's S with another state of its text. The archive must not have moved.
  const stamp = changeStampOf(db);
  // Raised a little, so that rounding in the line's subtraction never cuts a passage that could reach the page.
  const most = wordPart.most * (1 + 1e-9) + 1e-12;
  const lineAt = (shown: ScoredCandidate[]) => lineOf(shown, need, most, terms.others.length + 2);
  const exclude = new Set(limits.exclude);
  const ranking =
    !request.topic && !request.speaker
      ? await fromHead(db, `(${others})`, request, need, exclude, lineAt)
      : await fromFiltered(db, `(${others})`, request, exclude);
  const line = lineAt(ranking.shown);
  if (ranking.unseenAtMost !== null && ranking.unseenAtMost >= line) return null;
  const candidates = ranking.shown.filter((c) => c.bm25 >= line);
  if (candidates.length > MOST_SCORED_FROM_TEXT) return null;
  const scored = await scoredWhole(db, terms, candidates, wordPart.idf);
  if (!scored || changeStampOf(db) !== stamp) return null;
  scored.sort(byRank);
  if (scored.length <= need) return scored;
  let end = need;
  while (end < scored.length && scored[end].bm25 === scored[need - 1].bm25) end += 1;
  return scored.slice(0, end);
}
