// Passage search: parse once, find and rank the passages (lexical-search.ts: exact, corrected, or
// matching some of a natural query's words), then describe the page's hits with marked snippets.
import { fullText, join, num, type QueryDb } from '@/lib/db';
import { EMPTY_FACETS, lexicalSearch, type RankedPassage } from './lexical-search';
import { MARK_CLOSE, MARK_OPEN } from './marks';
import { passageColumns, passageRef, type PassageRow } from './passage-rows';
import { matchEntities } from './entities';
import { initialismsOf, isNaturalQuery, parseQuery, type ParsedQuery } from './query-parser';
import { prefixLookup } from './prefixes';
import { withSynonyms } from './synonyms';
import type { SearchHit, SearchRequest, SearchResponse } from './types';

const SNIPPET_TOKENS = 32;

/** The full-text expression for a parsed query, synonyms included; null when there is nothing to look for. */
export async function expressionOf(db: QueryDb, parsed: ParsedQuery): Promise<string | null> {
  const [{ query, lookup }, prefixes] = await Promise.all([withSynonyms(db, parsed), prefixLookup(db, parsed)]);
  return fullText.expression(query, { synonyms: lookup, prefixes });
}

/** The full-text expression for a query as typed. */
export const expressionFor = (db: QueryDb, q: string) => expressionOf(db, parseQuery(q));

export async function searchPassages(db: QueryDb, request: SearchRequest): Promise<SearchResponse> {
  const base = { query: request.q, page: request.page, pageSize: request.pageSize };
  const parsed = parseQuery(request.q);
  if (parsed.groups.length === 0) {
    const message = parsed.excluded.length > 0 ? 'Add a word to search for alongside the words to leave out.' : 'Type a word or a "phrase" to search for.';
    return { ...base, total: 0, hits: [], facets: EMPTY_FACETS, message };
  }
  const window = { limit: request.pageSize, offset: (request.page - 1) * request.pageSize };
  // The people and documents are listed once, above the first page, and not within one document.
  const listEntities = request.page === 1 && !request.document;
  const [found, entities] = await Promise.all([
    lexicalSearch(db, parsed, request, window),
    listEntities ? matchEntities(db, parsed, isNaturalQuery(request.q, parsed), initialismsOf(request.q)) : undefined,
  ]);
  const hits = found.match ? await describeHits(db, found.match.expression, found.ranked) : [];
  return {
    ...base,
    total: found.total,
    hits,
    facets: found.facets,
    ...(found.didYouMean ? { didYouMean: found.didYouMean } : {}),
    ...(found.matchedBy ? { matchedBy: found.matchedBy } : {}),
    ...(entities ? { entities } : {}),
  };
}

/** Each ranked passage as a hit: who said it, where, and its snippet with the matched words marked. */
export async function describeHits(db: QueryDb, expression: string, ranked: RankedPassage[]): Promise<SearchHit[]> {
  if (ranked.length === 0) return [];
  const ids = ranked.map((r) => r.id);
  const [details, snippets] = await Promise.all([
    db.$queryRaw<PassageRow[]>`
      SELECT ${passageColumns}
      FROM Passage p JOIN Document d ON d.id = p.documentId LEFT JOIN Speaker s ON s.id = p.speakerId
      WHERE p.id IN (${join(ids)})`,
    db.$queryRaw<{ id: number | bigint; snippet: string }[]>(fullText.snippets(expression, ids, { open: MARK_OPEN, close: MARK_CLOSE }, SNIPPET_TOKENS)),
  ]);
  const detailById = new Map(details.map((d) => [num(d.id), d]));
  const snippetById = new Map(snippets.map((s) => [num(s.id), s.snippet]));
  return ranked.map(({ id, score }) => ({
    ...passageRef(detailById.get(id)!),
    marked: snippetById.get(id) ?? '',
    score,
  }));
}
