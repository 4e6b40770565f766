// Synonym expansion from the SearchSynonym table: "dprk" also finds "north korea", and the words
// north korea typed unquoted are recognised as that phrase too.
import 'server-only';
import { join, type QueryDb, type SynonymLookup } from '@/lib/db';
import type { ParsedQuery, QueryTerm } from './query-parser';

const MAX_PHRASE_WORDS = 4;

/** Every phrase in the query that could be a synonym term: each term, and runs of adjacent single words. */
function candidatePhrases(query: ParsedQuery): string[] {
  const phrases = new Set<string>();
  const all = [...query.groups.flat(), ...query.excluded];
  for (const term of all) phrases.add(term.words.join(' '));
  const singles = query.groups.map((g) => (g.length === 1 && !g[0].quoted && !g[0].prefix ? g[0].words[0] : null));
  for (let start = 0; start < singles.length; start++) {
    for (let length = 2; length <= MAX_PHRASE_WORDS && start + length <= singles.length; length++) {
      const run = singles.slice(start, start + length);
      if (run.every(Boolean)) phrases.add(run.join(' '));
    }
  }
  return [...phrases];
}

/** Joins runs of single words that form a known synonym term into one quoted term, so it can be expanded. */
function joinKnownPhrases(query: ParsedQuery, known: Set<string>): ParsedQuery {
  const groups: QueryTerm[][] = [];
  let i = 0;
  while (i < query.groups.length) {
    let joined = false;
    for (let length = Math.min(MAX_PHRASE_WORDS, query.groups.length - i); length >= 2 && !joined; length--) {
      const run = query.groups.slice(i, i + length);
      if (!run.every((g) => g.length === 1 && !g[0].quoted && !g[0].prefix && g[0].words.length === 1)) continue;
      const words = run.map((g) => g[0].words[0]);
      if (known.has(words.join(' '))) {
        groups.push([{ words, quoted: false, prefix: false, loose: true }]);
        i += length;
        joined = true;
      }
    }
    if (!joined) {
      groups.push(query.groups[i]);
      i += 1;
    }
  }
  return { groups, excluded: query.excluded };
}

export async function withSynonyms(db: QueryDb, query: ParsedQuery): Promise<{ query: ParsedQuery; lookup: SynonymLookup }> {
  const phrases = candidatePhrases(query);
  if (phrases.length === 0) return { query, lookup: () => [] };
  const rows = await db.$queryRaw<{ term: string; equivalent: string }[]>`
    SELECT a.term AS term, b.term AS equivalent
    FROM SearchSynonym a JOIN SearchSynonym b ON b."group" = a."group" AND b.id <> a.id
    WHERE a.term IN (${join(phrases)})`;
  const equivalents = new Map<string, string[][]>();
  for (const row of rows) {
    equivalents.set(row.term, [...(equivalents.get(row.term) ?? []), row.equivalent.split(' ')]);
  }
  return {
    query: joinKnownPhrases(query, new Set(equivalents.keys())),
    lookup: (term) => equivalents.get(term.words.join(' ')) ?? [],
  };
}
