// "Did you mean": for each word that neither the archive nor an English dictionary knows (a typo,
// not a word the archive happens not to use), the closest words the archive uses often enough.
import 'server-only';
import { distance } from 'fastest-levenshtein';
import { fullText, num, type QueryDb } from '@/lib/db';
import { isEnglishWord } from './dictionary';
import { matchedRows } from './filters';
import { foldDiacritics } from './fold';
import { isStopWord } from './stop-words';
import { formatQuery, type ParsedQuery, type QueryTerm } from './query-parser';

/** How many corrected queries to try before giving up. */
export const MAX_CORRECTIONS = 3;

/** How many passages must use a word two edits away before it is offered in place of a typo. */
const MIN_PASSAGES_AT_TWO_EDITS = 2;

type VocabularyRow = { term: string; doc: number | bigint };

async function isKnown(db: QueryDb, word: string): Promise<boolean> {
  const rows = await db.$queryRaw<VocabularyRow[]>(fullText.vocabulary.terms([word]));
  if (rows.length > 0) return true;
  // Known by its stem too: "usb" is no typo in an archive whose published text says "USBs".
  const expression = fullText.expression({ groups: [[{ words: [word], quoted: false, prefix: false }]], excluded: [] })!;
  const stemmed = await db.$queryRaw<unknown[]>`SELECT 1 FROM (${matchedRows(expression, { q: word, page: 1, pageSize: 1 })}) r LIMIT 1`;
  return stemmed.length > 0;
}

/**
 * Known words within a small edit distance, best first. Candidates share the first letter (an
 * index range, cheap) or the second letter (a scan, run only for a query that found nothing).
 */
async function closestKnown(db: QueryDb, word: string): Promise<string[]> {
  const maxDistance = word.length <= 4 ? 1 : 2;
  const shortest = word.length - maxDistance;
  const longest = word.length + maxDistance;
  const upper = String.fromCodePoint(word.codePointAt(0)! + 1);
  const [sameFirst, sameSecond] = await Promise.all([
    db.$queryRaw<VocabularyRow[]>(fullText.vocabulary.range(word[0], upper, shortest, longest)),
    db.$queryRaw<VocabularyRow[]>(fullText.vocabulary.secondLetter(word[1] ?? '', shortest, longest)),
  ]);
  const scored = new Map<string, { distance: number; doc: number }>();
  for (const row of [...sameFirst, ...sameSecond]) {
    const d = distance(word, row.term);
    // Two edits reach many words by chance: such a guess must be a word the archive uses more than once.
    if (isStopWord(row.term)) continue; // "usb" is no typo for "us": a stop word is never the word meant
    if (d > 0 && d <= maxDistance && (d === 1 || num(row.doc) >= MIN_PASSAGES_AT_TWO_EDITS)) scored.set(row.term, { distance: d, doc: num(row.doc) });
  }
  return [...scored.entries()]
    .sort(([, a], [, b]) => a.distance - b.distance || b.doc - a.doc)
    .slice(0, MAX_CORRECTIONS)
    .map(([term]) => term);
}

/**
 * A word may be corrected only when it is long enough to guess from, not a number, and no English
 * word: "market" is never a typo for "make", however rare "market" is in the archive.
 */
function needsCorrection(word: string, folded: string): boolean {
  return folded.length >= 3 && !/^\p{N}+$/u.test(word) && !isEnglishWord(word) && !isEnglishWord(folded);
}

export interface Correction {
  /** The query with the unknown words replaced, to search. */
  query: ParsedQuery;
  /** The same query written back, to offer the reader ("did you mean …"). */
  text: string;
}

/** The query with some of its words replaced wherever they stand (groups, exclusions, phrases). */
function replaceWords(query: ParsedQuery, replacement: Map<string, string>): ParsedQuery {
  const term = (t: QueryTerm): QueryTerm => ({ ...t, words: t.words.map((word) => replacement.get(word) ?? word) });
  return { groups: query.groups.map((group) => group.map(term)), excluded: query.excluded.map(term) };
}

/**
 * The query with every unknown word replaced by one of its closest known words, best guess first.
 * Several are offered because the best guess may occur only in drafts, which search never shows.
 */
export async function corrections(db: QueryDb, query: ParsedQuery, initialisms: ReadonlySet<string> = new Set()): Promise<Correction[]> {
  const words = new Set(
    query.groups
      .flat()
      .filter((t) => !t.prefix)
      .flatMap((t) => t.words)
      // "NATO" typed in capitals is a name the reader means, not a typo for "nato's" nearest word.
      .filter((word) => !initialisms.has(word)),
  );
  const replacements: { word: string; candidates: string[] }[] = [];
  for (const word of words) {
    const folded = foldDiacritics(word);
    // Judged by the folded form, as the vocabulary holds it: marks alone leave too little to correct.
    if (!needsCorrection(word, folded) || (await isKnown(db, folded))) continue;
    const candidates = await closestKnown(db, folded);
    if (candidates.length > 0) replacements.push({ word, candidates });
  }
  if (replacements.length === 0) return [];
  const attempts = Math.max(...replacements.map((r) => r.candidates.length));
  const found: Correction[] = [];
  for (let i = 0; i < attempts; i++) {
    const corrected = replaceWords(query, new Map(replacements.map(({ word, candidates }) => [word, candidates[Math.min(i, candidates.length - 1)]])));
    const text = formatQuery(corrected);
    if (!found.some((c) => c.text === text)) found.push({ query: corrected, text });
  }
  return found;
}
