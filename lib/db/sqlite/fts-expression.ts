// Turns a parsed query into an FTS5 MATCH expression. Every word is written as a quoted string,
// so nothing a reader typed can be read by FTS5 as its own syntax (columns, NEAR, ^, parentheses).
import 'server-only';
import type { ParsedQuery, QueryTerm } from '@/lib/search/query-parser';
import { NO_PREFIX_WORDS, type ExpressionHelpers, type PrefixLookup, type SynonymLookup } from '../full-text';

const phrase = (words: string[], prefix = false) => `"${words.join(' ')}"${prefix ? '*' : ''}`;

/**
 * A one-word prefix is matched against the words as written, because the index holds Porter
 * stems: "smuggli*" would find nothing among stems like "smuggl". The words it stands for are
 * searched (and stemmed) instead. The prefix itself, stemmed, is searched beside them only when
 * they are not all the words there are: Porter turns "was" into "wa", so "was"* finds "war" and
 * "want", and FTS5 must merge the lists of every stem it starts (most of a prefix query's time).
 */
function prefixExpression(term: QueryTerm, prefixes: PrefixLookup): string[] {
  if (term.words.length > 1) return [phrase(term.words, true)];
  const { words, complete } = prefixes(term.words[0]);
  const wholeWords = words.map((word) => phrase([word]));
  return complete && wholeWords.length > 0 ? wholeWords : [phrase(term.words, true), ...wholeWords];
}

function termExpression(term: QueryTerm, helpers: ExpressionHelpers): string {
  const synonyms = helpers.synonyms ?? (() => []);
  const alternatives = term.prefix
    ? prefixExpression(term, helpers.prefixes ?? NO_PREFIX_WORDS)
    : [term.loose ? `(${term.words.map((w) => phrase([w])).join(' AND ')})` : phrase(term.words), ...synonyms(term).map((words) => phrase(words))];
  const unique = [...new Set(alternatives)];
  return unique.length === 1 ? unique[0] : `(${unique.join(' OR ')})`;
}

/** The MATCH expression, or null when nothing is left to look for (only exclusions, or no words). */
export function toFtsExpression(query: ParsedQuery, helpers: ExpressionHelpers | SynonymLookup = {}): string | null {
  const options = typeof helpers === 'function' ? { synonyms: helpers } : helpers;
  if (query.groups.length === 0) return null;
  const required = query.groups
    .map((group) => {
      const parts = group.map((term) => termExpression(term, options));
      return parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`;
    })
    .join(' AND ');
  if (query.excluded.length === 0) return required;
  // One NOT for all exclusions: FTS5 refuses expressions nested deeper than 256 levels.
  const excluded = query.excluded.map((term) => termExpression(term, options));
  return `(${required}) NOT ${excluded.length === 1 ? excluded[0] : `(${excluded.join(' OR ')})`}`;
}
