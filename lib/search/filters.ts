// The search filters as SQL over a row source `x` with the columns id, kind, speakerId,
// publishedOn and publishedUntil; each facet leaves its own filter out.
import 'server-only';
import { fullText, join, sql, type Sql } from '@/lib/db';
import { isPublicDocument } from './public-documents';
import { parsePartialDate } from '@/lib/dates';
import type { SearchRequest } from './types';

export type FacetName = 'speaker' | 'topic' | 'kind' | 'year';

/** Whether the request narrows the search by speaker, topic, kind or date (the document aside). */
export const hasFilters = (request: SearchRequest) => Boolean(request.speaker || request.topic || request.kind || request.from || request.to);

export function filterSql(request: SearchRequest, except?: FacetName): Sql {
  const conditions: Sql[] = [sql`1 = 1`];
  if (request.speaker && except !== 'speaker') {
    conditions.push(sql`x.speakerId = (SELECT id FROM Speaker WHERE slug = ${request.speaker})`);
  }
  if (request.topic && except !== 'topic') {
    conditions.push(sql`EXISTS (SELECT 1 FROM PassageTopic pt JOIN Topic t ON t.id = pt.topicId WHERE pt.passageId = x.id AND t.slug = ${request.topic})`);
  }
  if (request.kind && except !== 'kind') conditions.push(sql`x.kind = ${request.kind}`);
  if (except !== 'year') {
    // A document's whole period overlaps the range, as in the documents list.
    if (request.from) conditions.push(sql`x.publishedUntil >= ${parsePartialDate(request.from)!.start}`);
    if (request.to) conditions.push(sql`x.publishedOn <= ${parsePartialDate(request.to)!.end}`);
  }
  return join(conditions, ' AND ');
}

/** Matching passages of published documents (and of one document, when asked), as the row source `x`; with `sampleEvery` k, every passage whose id is a multiple of k. */
export function matchedRows(expression: string, request: SearchRequest, withRank: boolean, sampleEvery?: number): Sql {
  return sql`${fullText.matchedRows(expression, withRank, sampleEvery, request.document)} AND ${isPublicDocument}`;
}
