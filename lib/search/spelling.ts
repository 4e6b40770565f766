// "Did you mean": for each word the archive never uses, the closest words it does use.
import { distance } from 'fastest-levenshtein';
import type { SearchDb } from './database';
import { num } from './database';
import { foldDiacritics } from './fold';
import type { ParsedQuery } from './query-parser';

/** How many corrected queries to try before giving up. */
export const MAX_CORRECTIONS = 3;

async function isKnown(db: SearchDb, word: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ doc: number | bigint }[]>`SELECT doc FROM passage_words_fts_vocab WHERE term = ${word}`;
  return rows.length > 0;
}

/**
 * Known words within a small edit distance, best first. Candidates share the first letter (an
 * index range, cheap) or the second letter (a scan, run only for a query that found nothing).
 */
async function closestKnown(db: SearchDb, word: string): Promise<string[]> {
  const maxDistance = word.length <= 4 ? 1 : 2;
  const shortest = word.length - maxDistance;
  const longest = word.length + maxDistance;
  const upper = String.fromCodePoint(word.codePointAt(0)! + 1);
  const [sameFirst, sameSecond] = await Promise.all([
    db.$queryRaw<{ term: string; doc: number | bigint }[]>`
      SELECT term, doc FROM passage_words_fts_vocab
      WHERE term >= ${word[0]} AND term < ${upper} AND length(term) BETWEEN ${shortest} AND ${longest}`,
    db.$queryRaw<{ term: string; doc: number | bigint }[]>`
      SELECT term, doc FROM passage_words_fts_vocab
      WHERE substr(term, 2, 1) = ${word[1] ?? ''} AND length(term) BETWEEN ${shortest} AND ${longest}`,
  ]);
  const scored = new Map<string, { distance: number; doc: number }>();
  for (const row of [...sameFirst, ...sameSecond]) {
    const d = distance(word, row.term);
    if (d > 0 && d <= maxDistance) scored.set(row.term, { distance: d, doc: num(row.doc) });
  }
  return [...scored.entries()]
    .sort(([, a], [, b]) => a.distance - b.distance || b.doc - a.doc)
    .slice(0, MAX_CORRECTIONS)
    .map(([term]) => term);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Queries with every unknown word replaced by one of its closest known words, best guess first.
 * Several are offered because the best guess may occur only in drafts, which search never shows.
 */
export async function correctedQueries(db: SearchDb, input: string, query: ParsedQuery): Promise<string[]> {
  const words = new Set(query.groups.flat().filter((t) => !t.prefix).flatMap((t) => t.words));
  const replacements: { word: string; candidates: string[] }[] = [];
  for (const word of words) {
    const folded = foldDiacritics(word);
    // Judged by the folded form, as the vocabulary holds it: marks alone leave too little to correct.
    if (folded.length < 3 || /^\p{N}+$/u.test(word) || (await isKnown(db, folded))) continue;
    const candidates = await closestKnown(db, folded);
    if (candidates.length > 0) replacements.push({ word, candidates });
  }
  if (replacements.length === 0) return [];
  const attempts = Math.max(...replacements.map((r) => r.candidates.length));
  const queries: string[] = [];
  for (let i = 0; i < attempts; i++) {
    let corrected = input;
    for (const { word, candidates } of replacements) {
      const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${escapeRegExp(word)}(?![\\p{L}\\p{N}])`, 'giu');
      corrected = corrected.replace(pattern, candidates[Math.min(i, candidates.length - 1)]);
    }
    if (!queries.includes(corrected)) queries.push(corrected);
  }
  return queries;
}
