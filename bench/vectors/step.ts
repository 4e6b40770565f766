// The vector step as search runs it, under the public-documents filter: its options, the SQL statement
// (pre-selection by the signs in SQLite) and the same step with the pre-selection in memory
// (lib/db/sqlite/vector-index.ts), so the timings and the "same answers" checks compare like with like.
import { vectors, type ChunkVector, type NearestRow, type Reader } from '@/lib/db';
import { filterSql } from '@/lib/search/filters';
import { isPublicDocument } from '@/lib/search/public-documents';
import { EMBEDDING_MODEL } from '@/lib/search/vectors/model';
import { MAX_PRESELECT, MIN_PRESELECT, PRESELECT_SHARE } from '@/lib/search/vectors/nearest';

/** The vector list a fusion takes. */
export const LIMIT = 50;
const request = { q: '', page: 1, pageSize: 10 };

const stepOptions = (filterFirst: boolean, extra = {}) => ({
  preselect: Math.max(MIN_PRESELECT, LIMIT * 8),
  preselectShare: PRESELECT_SHARE,
  preselectMax: MAX_PRESELECT,
  limit: LIMIT,
  passageWhere: isPublicDocument,
  where: filterSql({ ...request, ...extra }),
  filterFirst,
});

/** The statement nearestPassages runs when the pre-selection is SQL's. */
export const statement = (q: ChunkVector, filterFirst: boolean, extra = {}) => vectors.nearest(q, EMBEDDING_MODEL, stepOptions(filterFirst, extra));

/** The same step with the pre-selection in memory: what nearestPassages runs. */
export const indexed = (reader: Reader, q: ChunkVector, filterFirst: boolean, extra = {}) =>
  vectors.nearestIndexed(reader, q, EMBEDDING_MODEL, stepOptions(filterFirst, extra));

/** The passages of an answer, in order, to compare two answers. */
export const ids = (rows: NearestRow[]) => rows.map((r) => Number(r.id)).join(',');
