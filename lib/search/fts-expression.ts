// Turns a parsed query into an FTS5 MATCH expression. Every word is written as a quoted string,
// so nothing a reader typed can be read by FTS5 as its own syntax (columns, NEAR, ^, parentheses).
import type { ParsedQuery, QueryTerm } from './query-parser';

/** Terms that mean the same as a term ("dprk" → ["north korea"]), found by the caller. */
export type SynonymLookup = (term: QueryTerm) => string[][];

const phrase = (words: string[], prefix = false) => `"${words.join(' ')}"${prefix ? '*' : ''}`;

function termExpression(term: QueryTerm, synonyms: SynonymLookup): string {
  const alternatives = [phrase(term.words, term.prefix), ...(term.prefix ? [] : synonyms(term).map((words) => phrase(words)))];
  const unique = [...new Set(alternatives)];
  return unique.length === 1 ? unique[0] : `(${unique.join(' OR ')})`;
}

/** The MATCH expression, or null when nothing is left to look for (only exclusions, or no words). */
export function toFtsExpression(query: ParsedQuery, synonyms: SynonymLookup = () => []): string | null {
  if (query.groups.length === 0) return null;
  const required = query.groups
    .map((group) => {
      const parts = group.map((term) => termExpression(term, synonyms));
      return parts.length === 1 ? parts[0] : `(${parts.join(' OR ')})`;
    })
    .join(' AND ');
  const exclusions = query.excluded.map((term) => ` NOT ${termExpression(term, synonyms)}`).join('');
  return query.excluded.length > 0 ? `(${required})${exclusions}` : required;
}
