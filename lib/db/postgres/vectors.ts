// PostgreSQL's vectors: the same plain table PassageEmbedding as SQLite's (sign bits and int8 values
// as bytea), without pgvector (Debian's PostgreSQL 15 has none). The pre-selection counts differing
// sign bits in SQL, bit_count(a # b) on the bytea read as a bit string; the candidates' int8 vectors
// are rescored in JS by the very cosine SQLite's in-memory step uses (vector-rescore.ts), so both
// engines give the same distances, float32 for float32. pgvector, where installed, would be future work
// (a halfvec/bit column and an HNSW index); the bit-string path needs nothing beyond core PostgreSQL.
// Writing (pending, store, clear) is SQLite's statements: written in the shared dialect, they run on
// PostgreSQL's writer unchanged.
import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { QueryDb, Sql } from '../query';
import { cosineDistance, norm } from '../sqlite/vector-rescore';
import { sqliteVectors } from '../sqlite/vectors';
import type { ChunkVector, NearestOptions, NearestRow, VectorStatements } from '../vectors';

const hex = (bytes: Uint8Array | Int8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('hex');
const bytea = (bytes: Uint8Array | Int8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

/**
 * Hamming distance of a chunk's signs to the query's: the bytea read as a bit string through its hex
 * ('x…' is bit's hex input), XORed and counted. Computed per row at query time (measured in the
 * report: a few ms at the seed, tens at 20,000 chunks), so PassageEmbedding keeps Prisma's shape.
 */
const hamming = (query: ChunkVector) => Prisma.sql`bit_count(CAST('x' || encode(e.bits, 'hex') AS varbit) # CAST(${`x${hex(query.bits)}`} AS varbit))`;

/** How many chunks the pre-selection keeps: min(max, max(preselect, share of all the model's)), as SQLite's. */
const keepOf = (model: string, { preselect, preselectShare, preselectMax }: NearestOptions) =>
  Prisma.sql`LEAST(CAST(${preselectMax} AS bigint), GREATEST(CAST(${preselect} AS bigint),
    (SELECT CAST(trunc(count(*) * CAST(${preselectShare} AS double precision)) AS bigint) FROM PassageEmbedding WHERE model = ${model})))`;

/** The passages (with lib/search's filter columns) that `passageWhere` keeps, as `x`. */
const filterable = (passageWhere: Sql, extra: Sql = Prisma.empty) => Prisma.sql`(
  SELECT p.id AS id, p.kind AS kind, p.speakerId AS speakerId, d.publishedOn AS publishedOn, d.publishedUntil AS publishedUntil
  FROM Passage p CROSS JOIN Document d WHERE d.id = p.documentId AND (${passageWhere}) ${extra}) x`;

/**
 * The chunks the pre-selection keeps (passageId, chunk), nearest signs first, ties broken by passage
 * and chunk as SQLite's index breaks them. Keys only: sorting rows that carried their 512-byte vectors
 * cost a third more at 20,000 chunks; the kept few fetch theirs by primary key. Filtered first: only the chunks of passages the
 * conditions keep; else every chunk of the model, the conditions checked after the rescoring.
 */
function candidates(query: ChunkVector, model: string, options: NearestOptions): Sql {
  const { passageWhere, where, filterFirst } = options;
  const keep = keepOf(model, options);
  return filterFirst
    ? Prisma.sql`SELECT e.passageId AS passageId, e.chunk AS chunk
        FROM ${filterable(passageWhere)} CROSS JOIN PassageEmbedding e
        WHERE e.passageId = x.id AND e.model = ${model} AND (${where})
        ORDER BY ${hamming(query)}, e.passageId, e.chunk LIMIT ${keep}`
    : Prisma.sql`SELECT e.passageId AS passageId, e.chunk AS chunk
        FROM PassageEmbedding e WHERE e.model = ${model}
        ORDER BY ${hamming(query)}, e.passageId, e.chunk LIMIT ${keep}`;
}

/**
 * Cosine distance of the int8 vector `v` to the query's, in SQL (only `nearest`, the reference, uses
 * it): integer sums, double sqrt and quotient, rounded to float4: the JS cosine's arithmetic exactly.
 */
const cosineSql = (v: Sql, query: Sql) => Prisma.sql`(
  SELECT CAST(CAST(1 - sum(a * b) / (sqrt(sum(a * a)) * sqrt(sum(b * b))) AS real) AS double precision)
  FROM (SELECT ((get_byte(${v}, i) + 128) % 256) - 128 AS a, ((get_byte(${query}, i) + 128) % 256) - 128 AS b
        FROM generate_series(0, length(${v}) - 1) i) pairs)`;

export const postgresVectors: VectorStatements = {
  pending: sqliteVectors.pending,
  countPending: sqliteVectors.countPending,
  store: sqliteVectors.store,
  clear: sqliteVectors.clear,

  async nearestIndexed(db: QueryDb, query: ChunkVector, model: string, options: NearestOptions): Promise<NearestRow[]> {
    const { passageWhere, where, filterFirst, limit } = options;
    // One statement: the pre-selected chunks, each with whether its passage passes the conditions
    // (always, when they were applied first). The rescoring then needs no second round trip.
    const passes = filterFirst
      ? Prisma.sql`true`
      : Prisma.sql`EXISTS (SELECT 1 FROM ${filterable(passageWhere, Prisma.sql`AND p.id = c.passageId`)} WHERE ${where})`;
    const rows = await db.$queryRaw<{ passageId: number; vector: Buffer; passes: boolean }[]>(Prisma.sql`
      WITH c AS MATERIALIZED (${candidates(query, model, options)})
      SELECT c.passageId AS passageId, v.vector AS vector, ${passes} AS passes
      FROM c CROSS JOIN PassageEmbedding v WHERE v.passageId = c.passageId AND v.chunk = c.chunk`);
    const queryNorm = norm(query.vector);
    const best = new Map<number, number>();
    for (const row of rows) {
      if (!row.passes) continue;
      const distance = cosineDistance(new Int8Array(row.vector.buffer, row.vector.byteOffset, row.vector.byteLength), query.vector, queryNorm);
      const id = Number(row.passageId);
      const seen = best.get(id);
      if (seen === undefined || distance < seen) best.set(id, distance);
    }
    return [...best]
      .sort((a, b) => a[1] - b[1] || a[0] - b[0])
      .slice(0, limit)
      .map(([id, distance]) => ({ id, distance, considered: rows.length }));
  },

  nearest(query, model, options) {
    const { passageWhere, where, limit } = options;
    return Prisma.sql`
      WITH candidates AS MATERIALIZED (${candidates(query, model, options)}),
      scored AS MATERIALIZED (
        SELECT c.passageId AS passageId, MIN(${cosineSql(Prisma.sql`v.vector`, Prisma.sql`${bytea(query.vector)}`)}) AS distance
        FROM candidates c CROSS JOIN PassageEmbedding v WHERE v.passageId = c.passageId AND v.chunk = c.chunk GROUP BY c.passageId)
      SELECT x.id AS id, x.distance AS distance, (SELECT count(*) FROM candidates) AS considered FROM (
        SELECT p.id AS id, p.kind AS kind, p.speakerId AS speakerId, d.publishedOn AS publishedOn,
               d.publishedUntil AS publishedUntil, s.distance AS distance
        FROM scored s CROSS JOIN Passage p CROSS JOIN Document d
        WHERE p.id = s.passageId AND d.id = p.documentId AND (${passageWhere})) x
      WHERE ${where}
      ORDER BY x.distance, x.id LIMIT ${limit}`;
  },
};
