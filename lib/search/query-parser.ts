// Reads what a reader types into a search box: words (all must match), "exact phrases", prefix*,
// OR, and -exclusions. Every other character is text, never syntax, so no input can fail.

export interface QueryTerm {
  /** The words of the term as the index will tokenise them, lower case: ["north", "korea"]. */
  words: string[];
  /** Typed in quotes: the words must stand together, in order. */
  quoted: boolean;
  /** Typed with a trailing *: the last word is a prefix. */
  prefix: boolean;
  /**
   * Words typed apart that also form a known synonym phrase ("north korea"): they match as
   * separate words, as the phrase, or as any of its synonyms.
   */
  loose?: boolean;
}

export interface ParsedQuery {
  /** Every group must match; within a group, any one term (a OR b). */
  groups: QueryTerm[][];
  /** No passage may match any of these. */
  excluded: QueryTerm[];
}

interface Token {
  raw: string;
  quoted: boolean;
  negated: boolean;
  /** A quoted phrase followed by *: "north ko"* */
  starred?: boolean;
}

// Letters, digits, private-use characters and combining marks: what SQLite's unicode61 tokenizer
// keeps together as a word (with remove_diacritics it drops the marks, or splits the word at them).
const WORD = /[\p{L}\p{N}\p{Co}\p{M}]+/gu;
// A run of marks alone (U+0301…, Hebrew points, Devanagari vowel signs) folds to nothing in the
// index: it is no word, and must not reach FTS5, the vocabulary or the speller as one.
const BASE = /[\p{L}\p{N}\p{Co}]/u;
const MIN_PREFIX_LENGTH = 2;

export function wordsOf(text: string): string[] {
  // Normalised again after lower-casing: 'İ' lower-cases to 'i' + U+0307, which can leave combining
  // marks out of canonical order, so the same word written back would read as another.
  return (text.normalize('NFC').toLowerCase().normalize('NFC').match(WORD) ?? []).filter((word) => BASE.test(word));
}

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const char = input[i];
    if (/\s/.test(char)) {
      i += 1;
      continue;
    }
    const negated = char === '-' && i + 1 < input.length && !/\s/.test(input[i + 1]);
    const start = negated ? i + 1 : i;
    if (input[start] === '"') {
      const end = input.indexOf('"', start + 1);
      if (end !== -1) {
        const starred = input[end + 1] === '*';
        tokens.push({ raw: input.slice(start + 1, end), quoted: true, negated, starred });
        i = end + (starred ? 2 : 1);
        continue;
      }
      // A lone quote is only a character: read on as plain words.
    }
    let end = start;
    while (end < input.length && !/\s/.test(input[end]) && !(end > start && input[end] === '"' && input.indexOf('"', end + 1) !== -1)) end += 1;
    tokens.push({ raw: input.slice(start, Math.max(end, start + 1)), quoted: false, negated });
    i = Math.max(end, start + 1);
  }
  return tokens;
}

function toTerm(token: Token): QueryTerm | null {
  const words = wordsOf(token.raw);
  if (words.length === 0) return null;
  const last = words[words.length - 1];
  const starred = token.quoted ? Boolean(token.starred) : /[\p{L}\p{N}\p{Co}\p{M}]\*+$/u.test(token.raw);
  const prefix = starred && last.length >= MIN_PREFIX_LENGTH;
  return { words, quoted: token.quoted || words.length > 1, prefix };
}

export function parseQuery(input: string): ParsedQuery {
  const groups: QueryTerm[][] = [];
  const excluded: QueryTerm[] = [];
  let joinNext = false;
  for (const token of tokenize(input.slice(0, 1000))) {
    if (!token.quoted && !token.negated && token.raw === 'OR') {
      joinNext = groups.length > 0;
      continue;
    }
    const term = toTerm(token);
    if (!term) continue;
    if (token.negated) {
      excluded.push(term);
      joinNext = false;
    } else if (joinNext) {
      groups[groups.length - 1].push(term);
      joinNext = false;
    } else {
      groups.push([term]);
    }
  }
  return { groups, excluded };
}

/** The query written back in the same language, for "did you mean" and for display. */
export function formatTerm(term: QueryTerm): string {
  const text = term.words.join(' ');
  const star = term.prefix ? '*' : '';
  return term.quoted && term.words.length > 1 ? `"${text}"${star}` : `${text}${star}`;
}

/** A whole query written back in the same language: it reads back as the same search. */
export function formatQuery(query: ParsedQuery): string {
  return [...query.groups.map((group) => group.map(formatTerm).join(' OR ')), ...query.excluded.map((term) => `-${formatTerm(term)}`)].join(' ');
}

/**
 * A query in a reader's own words, with none of the search syntax (a "phrase", -word, OR, word*):
 * the only kind that may be matched on some of its words when not all of them match.
 */
export function isNaturalQuery(input: string, parsed: ParsedQuery): boolean {
  const typedQuotes = tokenize(input.slice(0, 1000)).some((token) => token.quoted);
  const or = parsed.groups.some((group) => group.length > 1);
  const prefix = parsed.groups.some((group) => group.some((term) => term.prefix));
  return !typedQuotes && !or && !prefix && parsed.excluded.length === 0;
}

// Two to five capitals typed as a word of their own: UN, DPRK, USA (ending punctuation aside).
const INITIALISM = /^\p{Lu}{2,5}$/u;

/**
 * The words typed as initialisms ("UN", "DPRK"), lower case, as the parser gives them. Such a word
 * must not match the hyphen-joined part of a name that the index splits off: "un" in "Kim Jong-un".
 */
export function initialismsOf(input: string): Set<string> {
  const words = input
    .slice(0, 1000)
    .split(/\s+/)
    .map((token) => token.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, ''))
    .filter((token) => INITIALISM.test(token));
  return new Set(words.map((word) => word.toLowerCase()));
}
