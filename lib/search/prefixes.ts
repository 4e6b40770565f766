// The words as written that each one-word prefix of a query stands for, from the archive's vocabulary.
import 'server-only';
import { fullText, type PrefixLookup, type QueryDb } from '@/lib/db';
import type { ParsedQuery } from './query-parser';
import { foldDiacritics } from './fold';

/** Enough for any real prefix; a two-letter one in a huge archive is cut to its commonest words. */
const MAX_WORDS_PER_PREFIX = 40;

export async function prefixLookup(db: QueryDb, query: ParsedQuery): Promise<PrefixLookup> {
  const prefixes = [...query.groups.flat(), ...query.excluded].filter((t) => t.prefix && t.words.length === 1).map((t) => t.words[0]);
  const words = new Map<string, string[]>();
  for (const prefix of new Set(prefixes)) {
    const folded = foldDiacritics(prefix);
    const rows = await db.$queryRaw<{ term: string }[]>(fullText.vocabulary.prefixed(folded, MAX_WORDS_PER_PREFIX));
    words.set(
      prefix,
      rows.map((r) => r.term),
    );
  }
  return (prefix) => words.get(prefix) ?? [];
}
