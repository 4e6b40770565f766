// What search asks of an engine's full-text index, as statements it runs on a QueryDb. Everything
// engine-specific about full text (the index's tables, its match syntax, ranking, snippets, the word
// list) sits behind this; lib/search keeps the rest (parsing, synonyms, facets, corrections).
// SQLite's answer is lib/db/sqlite/full-text.ts (FTS5); a PostgreSQL one would answer with tsvector.
import 'server-only';
import type { ParsedQuery, QueryTerm } from '@/lib/search/query-parser';
import type { Sql } from './query';

/** Terms that mean the same as a term ("dprk" → ["north korea"]), found by the caller. */
export type SynonymLookup = (term: QueryTerm) => string[][];
/** Whole words a one-word prefix stands for ("smuggli" → ["smuggling"]), found by the caller. */
export interface PrefixWords {
  words: string[];
  /**
   * `words` holds every word as written, in the passages' text, speakers' names and titles, that
   * starts with the prefix: the stemmed prefix itself then need not be searched (see prefixes.ts).
   */
  complete: boolean;
}
export type PrefixLookup = (prefix: string) => PrefixWords;
/** No words known for any prefix: the stemmed prefix alone is searched. */
export const NO_PREFIX_WORDS: PrefixLookup = () => ({ words: [], complete: false });

/** An engine's phrase: `words` standing together in order; with `prefix`, the last one a prefix. */
export type PhraseWriter = (words: string[], prefix?: boolean) => string;

/**
 * What a prefix term searches, on either engine: the whole words it stands for in the vocabulary
 * (each stemmed as the index stems), and the engine's own prefix beside them only when they are not
 * all the words there are. Both indexes hold stems, so the prefix alone can miss ("smuggli*" among
 * "smuggl"), and can reach too far: Porter turns "was" into "wa", so "was"* finds "war" and "want",
 * and the engine must merge the lists of every stem it starts (most of a prefix query's time).
 * A prefix of several words stays a prefix phrase.
 */
export function prefixAlternatives(term: QueryTerm, prefixes: PrefixLookup, phrase: PhraseWriter): string[] {
  if (term.words.length > 1) return [phrase(term.words, true)];
  const { words, complete } = prefixes(term.words[0]);
  const wholeWords = words.map((word) => phrase([word]));
  return complete && wholeWords.length > 0 ? wholeWords : [phrase(term.words, true), ...wholeWords];
}

export interface ExpressionHelpers {
  synonyms?: SynonymLookup;
  prefixes?: PrefixLookup;
}

/** Which index: the passages' (default) or the speakers', documents' and topics' (entityRows's `entry`). */
export type FullTextIndex = 'passages' | 'entities';

export interface FullTextStatements {
  /** The engine's match expression for a parsed query; null when nothing is left to look for. */
  expression(query: ParsedQuery, helpers?: ExpressionHelpers | SynonymLookup): string | null;
  /**
   * Passages matching `expression`, as rows (id, kind, speakerId, publishedOn, publishedUntil, and
   * with `withRank` rank, lower is better, and position) of Passage `p` joined to its Document `d`.
   * Ends in its WHERE clause, so the caller may add `AND …` conditions on `p` and `d`. With
   * `sampleEvery` k, only the passages whose id is a multiple of k (a systematic sample, taken as the
   * index yields its matches, before any row of Passage is read). With `documentSlug`, only that
   * document's passages.
   */
  matchedRows(expression: string, withRank: boolean, sampleEvery?: number, documentSlug?: string): Sql;
  /**
   * Rows (id): matchedRows's passages, or its sample, read from the index alone, by id, past `after`
   * when given: no passage or document row is read, so publication and `documentSlug` are not checked
   * (only the document's span of ids narrows the reading); the caller checks them itself (the facet
   * columns kept in memory do). Absent where the engine keeps no such columns (PostgreSQL).
   */
  matchedIds?(expression: string, sampleEvery?: number, documentSlug?: string, after?: number): Sql;
  /**
   * One pass over the matches of `expression`, one phrase, in one row: how many there are (n), the ids
   * of those that are multiples of `every` (sample: matchedRows's sample, as a JSON array), and for
   * each match meeting `kept` (conditions on matchedId, checked before any passage row is read) what
   * FTS5's BM25 reads of a row (kept: a JSON array of [id, its count of the phrase in the text, speaker
   * and title columns, its size record in hex, for lengthOf]). For an engine whose BM25 would count the
   * phrase's matches in a pass of its own (SQLite; top-k/phrase-counts.ts); absent elsewhere.
   */
  phraseCountsAndSample?(expression: string, every: number, kept: Sql): Sql;
  /**
   * The id of the index's row in matchedRows, for a condition the caller adds that needs no column of
   * `p` or `d`: checked as the index yields each match, before its passage's row is read.
   */
  matchedId: Sql;
  /**
   * Rows (id, score: lower is better, matchedRows's rank): the `limit` best matches of `expression` by
   * the index alone, not joined to passages or documents. Only where the engine ranks much faster so
   * (SQLite: the join costs a third of a ranking); absent, callers rank with matchedRows.
   */
  bestMatches?(expression: string, limit: number): Sql;
  /**
   * bestMatches and, from the same pass over the matches, the id of every match that is a multiple of
   * `every` (matchedRows's sample, before any filter): rows (id, score, sampled), the best first with
   * sampled 0, then the sample with sampled 1 (a row may be in both). Null when a pass of its own
   * costs the sample less than keeping the matches for it does (SQLite: unless the expression holds a
   * phrase, whose pass reads its words' positions).
   */
  bestMatchesAndSample?(expression: string, limit: number, every: number): Sql | null;
  /**
   * Passages looked up in the index one by one: `matches(id)` is a condition that the passage whose
   * id is `id` matches `expression`, and `cost` what one lookup costs, in matches read from the index
   * in turn. For a few passages read from elsewhere first; never to rank (SQLite's BM25 would gather
   * its statistics again for every lookup). `readsPositions`: the expression holds a phrase of two
   * words or more, so reading each match from the index means checking its words' positions, and
   * costs more than reading a word's list. Null when lookups never pay for this expression; absent
   * where the engine's planner chooses for itself (PostgreSQL).
   */
  lookupMatch?(expression: string): { cost: number; readsPositions: boolean; matches(id: Sql): Sql } | null;
  /**
   * A condition that the index's row is one of `ids` (a subquery of passage ids), checked against a set
   * the engine builds once, as the index yields each match, before the match's passage row is read:
   * for a filter that allows far fewer passages than the expression matches (narrowing.ts). Absent
   * where the engine's planner chooses for itself (PostgreSQL).
   */
  amongIds?(ids: Sql): Sql;
  /**
   * With amongIds: an expression matching every passage `expression` matches, and maybe more, that
   * the index answers without checking words' positions: a cheap upper bound of its matches.
   */
  unordered?(expression: string): string;
  /** Rows (id): every passage (or entity entry) matching `expression`, unranked: a set for `x.id IN (…)`. */
  rowsMatching(expression: string, index?: FullTextIndex): Sql;
  /**
   * Rows (id): the passages where `word` occurs at least once on its own, not as the part of a
   * hyphen-joined name the tokenizer splits off ("un" in "Kim Jong-un", "ju" in "Ri Sol-ju").
   */
  standaloneRows(word: string, index?: FullTextIndex): Sql;
  /**
   * Speakers, documents and topics matching `expression` (by name, alias, bio, title, subtitle,
   * summary, publisher), as rows (kind: 'speaker' | 'document' | 'topic', id, entry, rank: lower is
   * better), unfiltered: the caller keeps what the public may see.
   */
  entityRows(expression: string): Sql;
  /** Rows (entry, marked): for the entries among `entries` that match, the best matching part, marks between `open` and `close`. */
  entitySnippets(expression: string, entries: number[], marks: Marks, tokens: number): Sql;
  /** Rows (id, snippet): the passages among `ids` that match, their matches between `open` and `close`. */
  snippets(expression: string, ids: number[], marks: Marks, tokens: number): Sql;
  /**
   * Whether each statement that reads `expression` sets the engine's own prefix up again (FTS5 merges
   * the lists of every word a `"bre"*` starts): such an expression is best read in one statement.
   */
  setsUpPrefix?(expression: string): boolean;
  /** Whether matching `expression` reads its words' positions (it holds a phrase of two words or more): a pass over its matches costs more. */
  readsPositions?(expression: string): boolean;
  /** Rows (id, text, speaker, title): what the index read of each passage among `ids`, for its words as the index holds them (IndexStems). */
  indexedText?(ids: number[]): Sql;
  /** Rows (id, anchor, marked), in reading order: the whole text of each matching passage of one document. */
  highlights(expression: string, documentSlug: string, marks: Marks, where: Sql): Sql;
  /**
   * `columns` of the passages (Passage `p`, Document `d`, Speaker `s`, left-joined) sharing any of
   * `words` and meeting `where`, best first as search ranks them (newer first on a tie).
   */
  similar(words: string[], columns: Sql, where: Sql, limit: number): Sql;
  /** The index's word list (folded, as indexed): rows (term, doc), doc = passages using it. */
  vocabulary: {
    terms(words: string[]): Sql;
    /** Words from `start` up to (not including) `end`, with a length in [shortest, longest]. */
    range(start: string, end: string, shortest: number, longest: number): Sql;
    /** Words whose second letter is `letter`, with a length in [shortest, longest]. */
    secondLetter(letter: string, shortest: number, longest: number): Sql;
    /** The commonest `limit` words that start with `prefix`: rows (term). */
    prefixed(prefix: string, limit: number): Sql;
    /** How many passages use `word`, counted up to `limit` at most: a row (n). For a line a word must reach, where terms() reads a common word's every passage (SQLite). */
    passagesUpTo?(word: string, limit: number): Sql;
  };
}

export interface Marks {
  open: string;
  close: string;
}
