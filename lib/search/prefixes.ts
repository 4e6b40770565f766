// The words as written that each one-word prefix of a query stands for, from the archive's vocabulary.
import 'server-only';
import { fullText, NO_PREFIX_WORDS, type FullTextIndex, type PrefixLookup, type PrefixWords, type QueryDb } from '@/lib/db';
import type { ParsedQuery } from './query-parser';
import { foldDiacritics } from './fold';
import { namesContaining } from './names';

/** Enough for any real prefix; a two-letter one in a huge archive is cut to its commonest words. */
const MAX_WORDS_PER_PREFIX = 40;
/**
 * Speakers and titles read to list the name words a prefix starts; past this, the list is not claimed
 * whole, and the engine's own prefix is searched beside the words. Reading names is cheaper than that
 * prefix: `smugg*` at 1,000,000 passages is in 1,462 titles (13 ms to read them from the database then;
 * names.ts keeps them in memory now), and with its own prefix FTS5 ranked its matches in 186 ms
 * instead of 138, and marked a page's snippets in 35 instead of 1.
 */
const MAX_NAMES_PER_PREFIX = 5_000;

/** The words of a name or title, folded as the index folds them. */
const wordsOf = (text: string) =>
  foldDiacritics(text)
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u);

/**
 * The words of speakers' names and documents' titles that start with `prefix`: the passage index
 * holds both beside the text, and the word list holds only the text. Null when there are too many
 * names to read, or the prefix has a character LIKE would read as its own.
 */
async function nameWords(db: QueryDb, prefix: string): Promise<string[] | null> {
  if (/[%_\\]/.test(prefix)) return null;
  const names = await namesContaining(db, prefix, MAX_NAMES_PER_PREFIX);
  return names && names.flatMap((name) => wordsOf(name).filter((word) => word.startsWith(prefix)));
}

/**
 * What one search has read, kept with its parsed query (which lives as long as the search): its
 * passages' lookup, its ranking's and its entities' all ask for the same prefixes, and reading a
 * common one's words costs a pass over the word list's counts (`was*` at 1,000,000 passages: 15 ms
 * each time).
 */
const readFor = new WeakMap<ParsedQuery, { db: QueryDb; reads: Map<string, Promise<unknown>> }>();

function once<T>(db: QueryDb, query: ParsedQuery, key: string, read: () => Promise<T>): Promise<T> {
  let known = readFor.get(query);
  if (!known || known.db !== db) readFor.set(query, (known = { db, reads: new Map() }));
  let reading = known.reads.get(key) as Promise<T> | undefined;
  if (!reading) known.reads.set(key, (reading = read()));
  return reading;
}

async function wordsFor(db: QueryDb, query: ParsedQuery, prefix: string, index: FullTextIndex): Promise<PrefixWords> {
  const folded = foldDiacritics(prefix);
  const rows = await once(db, query, `words:${folded}`, () => db.$queryRaw<{ term: string }[]>(fullText.vocabulary.prefixed(folded, MAX_WORDS_PER_PREFIX + 1)));
  const words = rows.slice(0, MAX_WORDS_PER_PREFIX).map((r) => r.term);
  // Only the passage index is claimed whole: the entities' also holds biographies, which no word list covers.
  const names = index === 'passages' && rows.length <= MAX_WORDS_PER_PREFIX ? await nameWords(db, folded) : null;
  const all = names === null ? null : [...new Set([...words, ...names])];
  const found = all === null || all.length > MAX_WORDS_PER_PREFIX ? { words, complete: false } : { words: all, complete: true };
  const kept = onePerStem(db, found.words);
  return { ...found, words: found.complete ? kept : notCoveredBy(db, folded, kept) };
}

/**
 * Of the words searched beside the engine's own prefix (when they are not all the words there are),
 * those the prefix does not find itself: a word whose stem starts with the prefix's own stem is one
 * of the prefix's matches already, and searched again beside it, its passages were scored twice in
 * BM25 (the prefix and the word), and FTS5 walked its list twice (`bre*`, 227 words, at 1,000,000
 * passages). A stem the prefix misses ("smuggling" is "smuggl", which "smuggli"* does not start) is
 * kept. Every word is kept where the connection cannot tell stems.
 */
function notCoveredBy(db: QueryDb, prefix: string, words: string[]): string[] {
  if (!db.indexStems || words.length === 0) return words;
  const [own, ...stems] = db.indexStems([prefix, ...words]);
  return own ? words.filter((_, i) => !stems[i].startsWith(own)) : words;
}

/**
 * The first of each set of words the index holds as one stem ("sanction", "sanctions" and "sanctioned"
 * are all "sanction"), the commonest, since the words come commonest first. They match the very same
 * passages, so searching the others adds nothing but their weight: each alternative is scored, and a
 * stem found thrice counted thrice, in BM25. Every word is kept where the connection cannot tell.
 */
function onePerStem(db: QueryDb, words: string[]): string[] {
  if (!db.indexStems || words.length < 2) return words;
  const stems = db.indexStems(words);
  const seen = new Set<string>();
  return words.filter((_, i) => {
    if (seen.has(stems[i])) return false;
    seen.add(stems[i]);
    return true;
  });
}

export async function prefixLookup(db: QueryDb, query: ParsedQuery, index: FullTextIndex = 'passages'): Promise<PrefixLookup> {
  const prefixes = [...query.groups.flat(), ...query.excluded].filter((t) => t.prefix && t.words.length === 1).map((t) => t.words[0]);
  const found = new Map<string, PrefixWords>();
  for (const prefix of new Set(prefixes)) found.set(prefix, await once(db, query, `${index}:${prefix}`, () => wordsFor(db, query, prefix, index)));
  return (prefix) => found.get(prefix) ?? NO_PREFIX_WORDS(prefix);
}
