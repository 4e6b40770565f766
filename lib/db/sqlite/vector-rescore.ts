// The in-memory half of meaning-based search: the index's Hamming pre-selection (vector-index.ts),
// then each candidate chunk rescored by int8 cosine, bit for bit as sqlite-vec's SQL step computes it,
// and the filters checked in SQL a batch at a time.
import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { ChunkVector, NearestOptions, NearestRow } from '../vectors';
import type { IndexedFile } from './vector-connections';
import type { ChunkKey, VectorIndex } from './vector-index';

/** Keeps as many chunks as `nearest`'s SQL does: min(max, max(preselect, share of all)). */
export const preselectCount = (count: number, { preselect, preselectShare, preselectMax }: NearestOptions) =>
  Math.min(preselectMax, Math.max(preselect, Math.trunc(count * preselectShare)));

export function nearestInMemory({ index, run }: IndexedFile, query: ChunkVector, options: NearestOptions): NearestRow[] {
  const { passageWhere, where, filterFirst, limit } = options;
  const keep = preselectCount(index.count, options);
  // Filtered first: the passages the filters keep (through their indexes), then their chunks' signs.
  const passages = filterFirst
    ? run<{ id: number }>(
        Prisma.sql`SELECT x.id AS id FROM (
          SELECT p.id AS id, p.kind AS kind, p.speakerId AS speakerId, d.publishedOn AS publishedOn, d.publishedUntil AS publishedUntil
          FROM Passage p CROSS JOIN Document d ON d.id = p.documentId WHERE ${passageWhere}) x
        WHERE ${where}`,
      ).map((r) => r.id)
    : undefined;
  let candidates = index.nearest(query.bits, keep, passages);
  if (candidates.length === 0) return [];
  let best = rescore(index, run, candidates, query.vector);
  if (!best) {
    // A chunk's rowid named another row or none in this very snapshot: the rowids were renumbered.
    index.rebuild();
    candidates = index.nearest(query.bits, keep, passages);
    best = rescore(index, run, candidates, query.vector);
    if (!best) throw new Error('The vector index disagrees with PassageEmbedding just after reading it.');
  }
  // Best first; the filters and visibility checked in SQL a batch at a time, until `limit` pass.
  const order = [...best].sort((a, b) => a[1] - b[1] || a[0] - b[0]);
  const rows: NearestRow[] = [];
  const batch = Math.max(64, limit * 2);
  for (let from = 0; from < order.length && rows.length < limit; from += batch) {
    const slice = order.slice(from, from + batch);
    const passing = new Set(
      run<{ id: number }>(Prisma.sql`
        SELECT x.id AS id FROM (
          SELECT p.id AS id, p.kind AS kind, p.speakerId AS speakerId, d.publishedOn AS publishedOn, d.publishedUntil AS publishedUntil
          FROM json_each(${JSON.stringify(slice.map(([id]) => id))}) s CROSS JOIN Passage p ON p.id = s.value
          CROSS JOIN Document d ON d.id = p.documentId WHERE ${passageWhere}) x
        WHERE ${where}`).map((r) => r.id),
    );
    for (const [id, distance] of slice) if (passing.has(id) && rows.length < limit) rows.push({ id, distance, considered: candidates.length });
  }
  return rows;
}

/**
 * Each candidate passage's best cosine distance to `query` over its candidate chunks (int8 vectors
 * from the index's memory, else read by rowid), or null when a rowid did not name the chunk the index
 * holds for it.
 */
function rescore(index: VectorIndex, run: IndexedFile['run'], candidates: ChunkKey[], query: Int8Array): Map<number, number> | null {
  const queryNorm = norm(query);
  const best = new Map<number, number>();
  if (index.hasVectors) {
    for (const c of candidates) {
      const [dot, length] = index.dotAndNorm(c.slot, query);
      const distance = f32(1 - dot / (length * queryNorm));
      const seen = best.get(c.passageId);
      if (seen === undefined || distance < seen) best.set(c.passageId, distance);
    }
    return best;
  }
  const rowids = candidates.map((c) => c.rowid).sort((a, b) => a - b);
  const rows = run<{ rowid: number; passageId: number; chunk: number; vector: Buffer }>(
    Prisma.sql`SELECT e.rowid AS rowid, e.passageId AS passageId, e.chunk AS chunk, e.vector AS vector
      FROM json_each(${JSON.stringify(rowids)}) c CROSS JOIN PassageEmbedding e ON e.rowid = c.value`,
  );
  if (rows.length !== candidates.length) return null;
  const expected = new Map(candidates.map((c) => [c.rowid, c]));
  for (const row of rows) {
    const key = expected.get(row.rowid);
    if (!key || key.passageId !== row.passageId || key.chunk !== row.chunk) return null;
    const distance = cosineDistance(new Int8Array(row.vector.buffer, row.vector.byteOffset, row.vector.byteLength), query, queryNorm);
    const seen = best.get(row.passageId);
    if (seen === undefined || distance < seen) best.set(row.passageId, distance);
  }
  return best;
}

const f32 = Math.fround;
/** The Euclidean length of an int8 vector (the query's, given once to cosineDistance). */
export function norm(v: Int8Array): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i] * v[i];
  return Math.sqrt(sum);
}

/**
 * Cosine distance of two int8 vectors, as sqlite-vec's vec_distance_cosine computes it: float sums
 * (exact: integers below 2^24), C's double sqrt, quotient and difference, the result rounded to
 * float32; so the distances (and their ties) are bit for bit those of the SQL step.
 */
export function cosineDistance(a: Int8Array, b: Int8Array, bNorm: number): number {
  let dot = 0;
  let aa = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    dot += x * b[i];
    aa += x * x;
  }
  return f32(1 - dot / (Math.sqrt(aa) * bNorm));
}
