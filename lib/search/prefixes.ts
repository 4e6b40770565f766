// The words as written that each one-word prefix of a query stands for, from the archive's vocabulary.
import type { PrefixLookup } from './fts-expression';
import type { ParsedQuery } from './query-parser';
import type { SearchDb } from './database';
import { foldDiacritics } from './fold';

/** Enough for any real prefix; a two-letter one in a huge archive is cut to its commonest words. */
const MAX_WORDS_PER_PREFIX = 40;

export async function prefixLookup(db: SearchDb, query: ParsedQuery): Promise<PrefixLookup> {
  const prefixes = [...query.groups.flat(), ...query.excluded].filter((t) => t.prefix && t.words.length === 1).map((t) => t.words[0]);
  const words = new Map<string, string[]>();
  for (const prefix of new Set(prefixes)) {
    const folded = foldDiacritics(prefix);
    const rows = await db.$queryRaw<{ term: string }[]>`
      SELECT term FROM passage_words_fts_vocab WHERE term >= ${folded} AND term < ${`${folded}\uffff`}
      ORDER BY doc DESC LIMIT ${MAX_WORDS_PER_PREFIX}`;
    words.set(prefix, rows.map((r) => r.term));
  }
  return (prefix) => words.get(prefix) ?? [];
}
