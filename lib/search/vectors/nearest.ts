// Meaning-based retrieval: the passages whose meaning is nearest a query's, under the same filters
// and visibility as the lexical search (published documents only). The query is embedded by the same
// encoder as the passages; the engine pre-selects chunks by the Hamming distance of their signs (in
// memory, lib/db/sqlite/vector-index.ts) and rescores those by cosine (lib/db/sqlite/vector-rescore.ts); a
// passage scores by its best chunk.
import 'server-only';
import { empty, num, sql, vectorReaderFor, vectors, type QueryDb } from '@/lib/db';
import { filterSql } from '../filters';
import { isPublicDocument } from '../public-documents';
import type { SearchRequest } from '../types';
import { EMBEDDING_MODEL, embedTexts } from './model';
import { quantize } from './quantize';

/**
 * How many chunks the Hamming pre-selection keeps for rescoring: every chunk of a small archive (up to
 * MIN_PRESELECT: exact), else a quarter of them, up to MAX_PRESELECT. Measured on the model's vectors of
 * 300 passages (bench/results/vectors-*.md), keeping 1/4 keeps 98% of the exact top 10, 1/8 only 92%, 1/16
 * 79%: 512 sign bits rank this model's vectors roughly. Uncapped, a quarter cost 361 ms at 100,000
 * passages; the cap bounds the rescoring (archives above ~16,000 chunks trade some recall for it).
 */
export const MIN_PRESELECT = 400;
export const PRESELECT_SHARE = 1 / 4;
export const MAX_PRESELECT = 4000;

export interface NearPassage {
  id: number;
  /** Cosine similarity of the query and the passage's best chunk (int8 vectors): 1 same meaning, 0 unrelated. */
  similarity: number;
}

/** What of a query as typed carries meaning: its words, without the syntax (quotes, `-word`, `OR`, `*`). */
export function meaningOf(query: string): string {
  return query
    .split(/\s+/)
    .filter((word) => !word.startsWith('-') && word !== 'OR')
    .join(' ')
    .replace(/["*]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** The `limit` public passages nearest the query's meaning, best first; [] for a query with no words. */
export async function nearestPassages(db: QueryDb, query: string, request: SearchRequest, limit: number): Promise<NearPassage[]> {
  const text = meaningOf(query);
  if (!text || limit <= 0) return [];
  const reader = await vectorReaderFor(db);
  if (!reader) return []; // sqlite-vec cannot load here (said once on stderr): no meaning, words only
  // An archive with no vectors yet (just upgraded, SEARCH_EMBED_ON_START=off) has nothing to find by
  // meaning: the query is not embedded (one look at the (model, bits) index instead of ~6-70 ms of the model).
  const [any] = await db.$queryRaw<unknown[]>`SELECT 1 FROM PassageEmbedding WHERE model = ${EMBEDDING_MODEL} LIMIT 1`;
  if (!any) return [];
  const [vector] = await embedTexts([text]);
  const inDocument = request.document ? sql`AND d.slug = ${request.document}` : empty;
  const options = {
    preselect: Math.max(MIN_PRESELECT, limit * 8),
    preselectShare: PRESELECT_SHARE,
    preselectMax: MAX_PRESELECT,
    limit,
    passageWhere: sql`${isPublicDocument} ${inDocument}`,
    where: filterSql(request),
  };
  const stored = quantize(vector);
  const run = (filterFirst: boolean) => vectors.nearestIndexed(reader, stored, EMBEDDING_MODEL, { ...options, filterFirst });
  let rows = await run(false);
  // The unfiltered pre-selection may hold too few passages that pass the filters (a speaker, one
  // document, many drafts): when it did not already consider every chunk, filter first and look again.
  if (rows.length < limit && num(rows[0]?.considered ?? options.preselect) >= options.preselect) rows = await run(true);
  return rows.map((r) => ({ id: num(r.id), similarity: 1 - r.distance }));
}
