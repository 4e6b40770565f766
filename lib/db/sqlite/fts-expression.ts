// Turns a parsed query into an FTS5 MATCH expression. Every word is written as a quoted string,
// so nothing a reader typed can be read by FTS5 as its own syntax (columns, NEAR, ^, parentheses).
import 'server-only';
import type { ParsedQuery, QueryTerm } from '@/lib/search/query-parser';
import { NO_PREFIX_WORDS, prefixAlternatives, type ExpressionHelpers, type PhraseWriter, type SynonymLookup } from '../full-text';

const phrase: PhraseWriter = (words, prefix = false) => `"${words.join(' ')}"${prefix ? '*' : ''}`;

function termExpression(term: QueryTerm, helpers: ExpressionHelpers): string {
  const synonyms = helpers.synonyms ?? (() => []);
  const alternatives = term.prefix
    ? prefixAlternatives(term, helpers.prefixes ?? NO_PREFIX_WORDS, phrase)
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
