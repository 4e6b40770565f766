// "Did you mean": finds, for each word the archive never uses, the closest word it does use.
import { distance } from 'fastest-levenshtein';
import type { SearchDb } from './database';
import { num } from './database';
import type { ParsedQuery } from './query-parser';

// The vocabulary is stored as the tokenizer folds it: lower case, diacritics removed.
const fold = (word: string) => word.normalize('NFD').replace(/\p{M}/gu, '');

async function isKnown(db: SearchDb, word: string): Promise<boolean> {
  const rows = await db.$queryRaw<{ doc: number | bigint }[]>`SELECT doc FROM passage_words_fts_vocab WHERE term = ${word}`;
  return rows.length > 0;
}

/**
 * Candidates share the first or the second letter (a typo rarely hits both), which keeps the scan
 * to a small slice of the vocabulary however large the archive grows.
 */
async function closestKnown(db: SearchDb, word: string): Promise<string | null> {
  const maxDistance = word.length <= 4 ? 1 : 2;
  const slices = [word[0], word[1] ?? word[0]];
  let best: { term: string; distance: number; doc: number } | null = null;
  for (const letter of new Set(slices)) {
    const upper = String.fromCodePoint(letter.codePointAt(0)! + 1);
    const rows = await db.$queryRaw<{ term: string; doc: number | bigint }[]>`
      SELECT term, doc FROM passage_words_fts_vocab
      WHERE term >= ${letter} AND term < ${upper} AND length(term) BETWEEN ${word.length - maxDistance} AND ${word.length + maxDistance}`;
    for (const row of rows) {
      const d = distance(word, row.term);
      if (d === 0 || d > maxDistance) continue;
      const doc = num(row.doc);
      if (!best || d < best.distance || (d === best.distance && doc > best.doc)) best = { term: row.term, distance: d, doc };
    }
  }
  return best?.term ?? null;
}

/** The query with every unknown word replaced by its closest known word, or null when none helps. */
export async function correctedQuery(db: SearchDb, input: string, query: ParsedQuery): Promise<string | null> {
  const words = new Set(query.groups.flat().filter((t) => !t.prefix).flatMap((t) => t.words));
  let corrected = input;
  let changed = false;
  for (const word of words) {
    if (word.length < 3 || /^\p{N}+$/u.test(word) || (await isKnown(db, fold(word)))) continue;
    const replacement = await closestKnown(db, fold(word));
    if (!replacement) continue;
    const pattern = new RegExp(`(?<![\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}\\p{N}])`, 'giu');
    corrected = corrected.replace(pattern, replacement);
    changed = true;
  }
  return changed ? corrected : null;
}
