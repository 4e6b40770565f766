// The expressions the ranking lists can answer, and the passages a list cannot score itself: `"word"`
// (or `"two words"`, a phrase) alone, or `("word" OR …)` with the listed word first (a prefix's whole words come commonest first,
// a synonym after the word typed). The passages with any of the other alternatives are fewer than the
// word's own when those are rarer words; FTS5 scores them (those without the word come from the other
// word's own list when there is one), so the list's walk only has to skip them.
import 'server-only';
import { fullText, num, type QueryDb } from '@/lib/db';
import type { SearchRequest } from '../types';
import { bestFromHead, bestUnderFilters, type PageWindow, type ScoredCandidate } from './candidates';
import { othersRankedAlone, type WordPart } from './others-alone';

// A word or a phrase (lists are kept for frequent phrases of two words too), never a prefix.
const ONE_WORD = /^"([^"*]+)"$/;
const FIRST_OF_ALTERNATIVES = /^\("([^"*]+)" OR (.+)\)$/;

/**
 * The listed-word candidate of an expression and the rest of its alternatives (`others`, null when
 * there are none), or null when the expression is neither shape (several terms, a prefix first, NOT,
 * or alternatives that do not span the whole expression).
 */
export function listedWordOf(expression: string): { word: string; others: string | null } | null {
  const one = ONE_WORD.exec(expression);
  if (one) return { word: one[1], others: null };
  const alternatives = FIRST_OF_ALTERNATIVES.exec(expression);
  if (!alternatives || !isOneGroup(alternatives[2])) return null;
  return { word: alternatives[1], others: alternatives[2] };
}

/** Whether a run of alternatives closes no bracket it did not open: `"a") AND ("b"` would. */
function isOneGroup(text: string): boolean {
  let depth = 0;
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '(') depth += 1;
    else if (!quoted && ch === ')' && --depth < 0) return false;
  }
  return depth === 0 && !quoted;
}

/** How many passages have any of `others`, counted up to `limit`. */
async function countUpTo(db: QueryDb, others: string, limit: number): Promise<number> {
  const [{ n }] = await db.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM (${fullText.rowsMatching(others)} LIMIT ${limit})`;
  return num(n);
}

/**
 * The passages under the request's filters with any of `others` that may enter the page, each scored
 * as FTS5 scores the whole `("word" OR others)`: of those that also have the word, by `"word" AND
 * (others)` (the same phrases in the same order), and of those without it, by `(others) NOT "word"`
 * (whose word phrase adds exactly 0, as in the whole expression), the best `need` (leaving out
 * `exclude`) and every one tied with the last. A passage with the word and another alternative that
 * is not among them ranks below `need` that are, so the list's walk, which scores it for the word
 * alone (less), can never place it on the page. Ranked in one pass over the others alone where
 * others-alone.ts can (the best `need` of both sets at once); else in two passes, the second read
 * from the other word's own list where the others are one listed word (`othersAlone`, rank.ts): its
 * passages without the word score for it alone, in its list's order. Null when more than `cap`
 * passages have any of `others` (`othersCount`, when the count's pass counted them) and no list ranks
 * those without the word: FTS5 scoring them would cost what ranking every match does. With a list,
 * only the passages with both are FTS5's (`diplom*`, 1,000,000 passages, the two words in 50,000
 * passages each: 74 ms ranking every match, 28 this way).
 */
export async function othersScored(
  db: QueryDb,
  word: string,
  others: string,
  request: SearchRequest,
  limits: {
    cap: number;
    othersCount: number | null;
    need: number;
    exclude: number[];
    wordPart: WordPart;
    /** The best `need` passages with the others but not the word, from the others' own list when they are one listed word (rank.ts); null when it cannot (no list, a walk that gives up). */
    othersAlone?: (window: PageWindow) => Promise<ScoredCandidate[] | null>;
  },
): Promise<ScoredCandidate[] | null> {
  const withoutWordFromList = async () => (await limits.othersAlone?.({ limit: limits.need, offset: 0, exclude: limits.exclude })) ?? null;
  // Ranked by the index alone, each row looked up only as far as the page needs (bestShown): joined to
  // its passage and document, every match cost a row read (`was*`, 1,000,000 passages: 35,000 passages
  // with `was` and another of its words, 323 ms joined, 98 by the index alone). The old way when the
  // head's rows do not show enough, and at once under a topic or a speaker, as in index-head.ts: their
  // passages are seldom enough of a head's rows, and the head was read for nothing (`was*` for one
  // speaker, 1,000,000 passages: 326 -> 232 ms; in a topic, among paragraphs: 242 -> 204 ms).
  const best = async (expression: string): Promise<ScoredCandidate[]> => {
    const headMayAnswer = fullText.bestMatches && !request.topic && !request.speaker;
    const readHead = (limit: number) => db.$queryRaw<{ id: number | bigint; score: number }[]>(fullText.bestMatches!(expression, limit));
    const shown = headMayAnswer && (await bestFromHead(db, expression, readHead, limits.need, request, limits.exclude));
    if (shown) return shown;
    return bestUnderFilters(db, expression, request, limits.need, limits.exclude);
  };
  const withWord = `"${word}" AND (${others})`;
  if ((limits.othersCount ?? (await countUpTo(db, others, limits.cap + 1))) > limits.cap) {
    const fromList = await withoutWordFromList();
    return fromList ? [...(await best(withWord)), ...fromList] : null;
  }
  const alone = await othersRankedAlone(db, word, others, request, limits);
  if (alone) return alone;
  const scoredWithWord = await best(withWord);
  const withoutWord = (await withoutWordFromList()) ?? (await best(`(${others}) NOT "${word}"`));
  return [...scoredWithWord, ...withoutWord];
}
