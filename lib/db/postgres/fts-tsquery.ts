// Turns a parsed query into the text of a PostgreSQL tsquery, which full-text.ts passes as one bound
// value to to_tsquery('archive_fts', $n). Every word is written as a single-quoted lexeme with its
// quotes and backslashes escaped, so nothing a reader typed is ever read as tsquery syntax (&, |, !,
// <->, :*, weights, parentheses): only this module writes operators. to_tsquery then folds and stems
// each quoted word as the index did (archive_fts, migration 20261202080100_full_text).
import 'server-only';
import type { ParsedQuery, QueryTerm } from '@/lib/search/query-parser';
import { NO_PREFIX_WORDS, prefixAlternatives, type ExpressionHelpers, type PhraseWriter, type SynonymLookup } from '../full-text';

/** One word as a tsquery lexeme: quoted, its ' doubled and its \ escaped (tsquery's own quoting rules). */
export const lexeme = (word: string) => `'${word.replaceAll('\\', '\\\\').replaceAll("'", "''")}'`;

/** Words that must stand together in order; with `prefix`, the last one is a prefix. */
const phrase: PhraseWriter = (words, prefix = false) => {
  const parts = words.map((word, i) => `${lexeme(word)}${prefix && i === words.length - 1 ? ':*' : ''}`);
  return parts.length === 1 ? parts[0] : `(${parts.join(' <-> ')})`;
};

const anyOf = (parts: string[]) => {
  const unique = [...new Set(parts)];
  return unique.length === 1 ? unique[0] : `(${unique.join(' | ')})`;
};

function termExpression(term: QueryTerm, helpers: ExpressionHelpers): string {
  const synonyms = helpers.synonyms ?? (() => []);
  if (term.prefix) return anyOf(prefixAlternatives(term, helpers.prefixes ?? NO_PREFIX_WORDS, phrase));
  const itself = term.loose ? `(${term.words.map((word) => lexeme(word)).join(' & ')})` : phrase(term.words);
  return anyOf([itself, ...synonyms(term).map((words) => phrase(words))]);
}

/** The tsquery text, or null when nothing is left to look for (only exclusions, or no words). */
export function toTsqueryText(query: ParsedQuery, helpers: ExpressionHelpers | SynonymLookup = {}): string | null {
  const options = typeof helpers === 'function' ? { synonyms: helpers } : helpers;
  if (query.groups.length === 0) return null;
  // A word typed twice is required once: `'a' & 'a'` means `'a'`, and ts_headline's search for the
  // shortest cover grows with every repeated term (250 "a"s took half a minute per snippet).
  const groups = [...new Set(query.groups.map((group) => anyOf(group.map((term) => termExpression(term, options)))))];
  const required = groups.length === 1 ? groups[0] : `(${groups.join(' & ')})`;
  if (query.excluded.length === 0) return required;
  return `${required} & !${anyOf(query.excluded.map((term) => termExpression(term, options)))}`;
}

/** Any one of `words` (whole words from the vocabulary), as tsquery text: "more like this". */
export const anyWordText = (words: string[]) => anyOf(words.map((word) => lexeme(word)));
