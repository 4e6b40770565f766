// The search filters as SQL over a row source `x` with the columns id, kind, speakerId,
// publishedOn and publishedUntil; each facet leaves its own filter out.
import { isPublicDocument } from './public-documents';
import { Prisma } from '@/lib/generated/prisma/client';
import { parsePartialDate } from '@/lib/dates';
import type { SearchRequest } from './types';

export type FacetName = 'speaker' | 'topic' | 'kind' | 'year';

export function filterSql(request: SearchRequest, except?: FacetName): Prisma.Sql {
  const conditions: Prisma.Sql[] = [Prisma.sql`1 = 1`];
  if (request.speaker && except !== 'speaker') {
    conditions.push(Prisma.sql`x.speakerId = (SELECT id FROM Speaker WHERE slug = ${request.speaker})`);
  }
  if (request.topic && except !== 'topic') {
    conditions.push(Prisma.sql`EXISTS (SELECT 1 FROM PassageTopic pt JOIN Topic t ON t.id = pt.topicId WHERE pt.passageId = x.id AND t.slug = ${request.topic})`);
  }
  if (request.kind && except !== 'kind') conditions.push(Prisma.sql`x.kind = ${request.kind}`);
  if (except !== 'year') {
    // A document's whole period overlaps the range, as in the documents list.
    if (request.from) conditions.push(Prisma.sql`x.publishedUntil >= ${parsePartialDate(request.from)!.start}`);
    if (request.to) conditions.push(Prisma.sql`x.publishedOn <= ${parsePartialDate(request.to)!.end}`);
  }
  return Prisma.join(conditions, ' AND ');
}

/** Matching passages of published documents (and of one document, when asked), as the row source `x`. */
export function matchedRows(expression: string, request: SearchRequest, withRank: boolean): Prisma.Sql {
  const rank = withRank ? Prisma.sql`, bm25(passage_fts, ${TEXT_WEIGHT}, ${SPEAKER_WEIGHT}, ${TITLE_WEIGHT}) AS rank, p.position AS position` : Prisma.empty;
  const inDocument = request.document ? Prisma.sql`AND d.slug = ${request.document}` : Prisma.empty;
  return Prisma.sql`
    SELECT p.id AS id, p.kind AS kind, p.speakerId AS speakerId, d.publishedOn AS publishedOn, d.publishedUntil AS publishedUntil ${rank}
    FROM passage_fts
    JOIN Passage p ON p.id = passage_fts.rowid
    JOIN Document d ON d.id = p.documentId
    WHERE passage_fts MATCH ${expression} AND ${isPublicDocument} ${inDocument}`;
}

// BM25 weights of the indexed columns: what was said counts most; who said it, then where, less.
export const TEXT_WEIGHT = 1.0;
export const SPEAKER_WEIGHT = 0.5;
export const TITLE_WEIGHT = 0.2;
