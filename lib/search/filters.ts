// The search filters as SQL over a row source `x` with the columns id, kind, speakerId,
// publishedOn and publishedUntil; each facet leaves its own filter out.
import 'server-only';
import { fullText, join, sql, type Sql } from '@/lib/db';
import { isPublicDocument } from './public-documents';
import { parsePartialDate } from '@/lib/dates';
import type { Narrowing } from './narrowing';
import type { SearchRequest } from './types';

export type FacetName = 'speaker' | 'topic' | 'kind' | 'year';

/** Whether the request narrows the search by speaker, topic, kind or date (the document aside). */
export const hasFilters = (request: SearchRequest) => Boolean(request.speaker || request.topic || request.kind || request.from || request.to);

/** The id of the speaker, or topic, a filter names by slug, as a scalar subquery (NULL when there is none). */
export const speakerIdOf = (slug: string): Sql => sql`(SELECT id FROM Speaker WHERE slug = ${slug})`;
export const topicIdOf = (slug: string): Sql => sql`(SELECT id FROM Topic WHERE slug = ${slug})`;

export function filterSql(request: SearchRequest, except?: FacetName): Sql {
  const conditions: Sql[] = [sql`1 = 1`];
  if (request.speaker && except !== 'speaker') {
    conditions.push(sql`x.speakerId = ${speakerIdOf(request.speaker)}`);
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

export interface MatchedRowsOptions {
  withRank?: boolean;
  /** Every passage whose id is a multiple of k: a systematic sample. */
  sampleEvery?: number;
  /**
   * The caller applies filterSql(request) to the rows, so the topic may be checked first, on the
   * index's own row: read after each match's passage, it cost a passage row for every match outside
   * the topic (`said` in topic economy, 100,000 passages: 16,000 matches, 849 in it; 28 ms checked
   * after, 7 ms before). A speaker checked first, on its index, cost as much as reading the passage;
   * checked against the set of its passages, read once, it costs far less (`narrowing`).
   */
  filtered?: boolean;
  /** With `filtered`: the speaker's passages, each match checked against them before its row is read (narrowing.ts). */
  narrowing?: Narrowing | null;
  /** With `filtered`: only the matches among these passages (ids, as a subquery), checked before their rows are read. */
  among?: Sql;
  /** With `filtered`: the topic's passages (ids, as a subquery: narrowing.ts's topicSetFor), each match checked against them instead of looked up in PassageTopic. */
  topicSet?: Sql | null;
}

/** Matching passages of published documents (and of one document, when asked), as the row source `x`. */
export function matchedRows(expression: string, request: SearchRequest, options: MatchedRowsOptions = {}): Sql {
  const rows = sql`${fullText.matchedRows(expression, options.withRank ?? false, options.sampleEvery, request.document)} AND ${isPublicDocument}`;
  return options.filtered ? sql`${rows} AND ${indexRowFilter(request, options)}` : rows;
}

/**
 * The filters a filtered search checks on the index's own row (fullText.matchedId), before a match's
 * passage row is read: its topic, and the sets of passages the options name (a speaker's, `among`).
 */
export function indexRowFilter(request: SearchRequest, options: Pick<MatchedRowsOptions, 'narrowing' | 'among' | 'topicSet'> = {}): Sql {
  const conditions: Sql[] = [sql`1 = 1`];
  const topicSet = request.topic ? (options.topicSet ?? undefined) : undefined;
  const amongAll = [options.narrowing?.ids, options.among, topicSet].filter((ids): ids is Sql => ids !== undefined);
  if (fullText.amongIds) conditions.push(...amongAll.map((ids) => fullText.amongIds!(ids)));
  // A scalar subquery, not EXISTS: SQLite 3.53 turns an EXISTS into a join and places it after the passage's.
  if (request.topic && !(topicSet && fullText.amongIds)) {
    conditions.push(sql`(SELECT 1 FROM PassageTopic ft WHERE ft.passageId = ${fullText.matchedId} AND ft.topicId = ${topicIdOf(request.topic)}) IS NOT NULL`);
  }
  return join(conditions, ' AND ');
}
