// SQLite's vectors: the plain table PassageEmbedding (see its migration) and sqlite-vec's scalar
// functions, vec_distance_hamming on the 64-byte sign blobs and vec_distance_cosine on the int8
// vectors. The search's pre-selection by signs runs in memory (vector-index.ts and vector-rescore.ts, nearestIndexed);
// `nearest` is the same step all in SQL, kept as the reference the index is tested and measured
// against. No vec0 virtual table: a plain table is kept in step by ordinary triggers and foreign keys
// on every connection (Prisma's included, which cannot load the extension), and Prisma sees no
// shadow tables. Only reading needs the extension, and lib/db's reader loads it.
import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import type { ChunkVector, VectorStatements } from '../vectors';
import { indexFor } from './vector-connections';
import { nearestInMemory } from './vector-rescore';
import type { WriteDb } from './writer';

const blob = (bytes: Uint8Array | Int8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export const sqliteVectors: VectorStatements = {
  pending(db: WriteDb, model: string, limit: number) {
    return db.prepare(onlyModel(db, model) ? PENDING_MARKED : PENDING_SCAN).all(model, limit) as { id: number; text: string }[];
  },

  countPending(db: WriteDb, model: string) {
    return db
      .prepare(onlyModel(db, model) ? COUNT_PENDING_MARKED : COUNT_PENDING_SCAN)
      .pluck()
      .get(model) as number;
  },

  store(db: WriteDb, passageId: number, text: string, model: string, chunks: ChunkVector[]) {
    // Compared inside the write transaction: an edit saved while this text was being embedded wins.
    const current = db.prepare('SELECT text FROM Passage WHERE id = ?').pluck().get(passageId);
    if (current !== text) return false;
    db.prepare('DELETE FROM PassageEmbedding WHERE passageId = ?').run(passageId);
    const insert = db.prepare('INSERT INTO PassageEmbedding (passageId, chunk, model, bits, vector) VALUES (?, ?, ?, ?, ?)');
    chunks.forEach((chunk, i) => insert.run(passageId, i, model, blob(chunk.bits), blob(chunk.vector)));
    return true;
  },

  clear(db: WriteDb) {
    db.prepare('DELETE FROM PassageEmbedding').run();
  },

  async nearestIndexed(db, query, model, options) {
    const indexed = await indexFor(db, model);
    if (!indexed) return [];
    return indexed.index.read(() => nearestInMemory(indexed, query, options));
  },

  nearest(query, model, { preselect, preselectShare, preselectMax, limit, passageWhere, where, filterFirst }) {
    const bits = blob(query.bits);
    const vector = blob(query.vector);
    const keep = Prisma.sql`min(${preselectMax}, max(${preselect}, (SELECT CAST(count(*) * ${preselectShare} AS INTEGER) FROM PassageEmbedding WHERE model = ${model})))`;
    // Unfiltered, the pre-selection reads only the index (model, bits): 64 bytes and a rowid a chunk.
    // Filtered first, the passages lead (a speaker's, a kind's through their indexes), then their chunks.
    // CROSS JOIN keeps the few candidates first: left to itself, the planner walks every published
    // document's passages to meet them (measured: 8 ms at 2,000 passages, growing with the archive).
    const candidates = filterFirst
      ? Prisma.sql`
        SELECT x.rid AS rid FROM (
          SELECT e.rowid AS rid, e.bits AS bits, p.id AS id, p.kind AS kind, p.speakerId AS speakerId,
                 d.publishedOn AS publishedOn, d.publishedUntil AS publishedUntil
          FROM Passage p CROSS JOIN Document d ON d.id = p.documentId CROSS JOIN PassageEmbedding e ON e.passageId = p.id
          WHERE e.model = ${model} AND ${passageWhere}) x
        WHERE ${where}
        ORDER BY vec_distance_hamming(vec_bit(x.bits), vec_bit(${bits})) LIMIT ${keep}`
      : Prisma.sql`
        SELECT rowid AS rid FROM PassageEmbedding WHERE model = ${model}
        ORDER BY vec_distance_hamming(vec_bit(bits), vec_bit(${bits})) LIMIT ${keep}`;
    return Prisma.sql`
      WITH candidates AS MATERIALIZED (${candidates}),
      scored AS MATERIALIZED (
        SELECT e.passageId AS passageId, MIN(vec_distance_cosine(vec_int8(e.vector), vec_int8(${vector}))) AS distance
        FROM candidates c CROSS JOIN PassageEmbedding e ON e.rowid = c.rid GROUP BY e.passageId)
      SELECT x.id AS id, x.distance AS distance, (SELECT count(*) FROM candidates) AS considered FROM (
        SELECT p.id AS id, p.kind AS kind, p.speakerId AS speakerId, d.publishedOn AS publishedOn,
               d.publishedUntil AS publishedUntil, s.distance AS distance
        FROM scored s CROSS JOIN Passage p ON p.id = s.passageId CROSS JOIN Document d ON d.id = p.documentId
        WHERE ${passageWhere}) x
      WHERE ${where}
      ORDER BY x.distance, x.id LIMIT ${limit}`;
  },
};

// Pending passages: those marked by the triggers of PassageEmbeddingPending (a few rows, whatever the
// archive's size), still checked against the table. The mark knows no model, so while vectors of
// another model are kept (an upgrade of the encoder not yet rebuilt), every passage is looked at.
const PENDING_WHERE = `trim(p.text) <> '' AND NOT EXISTS (SELECT 1 FROM PassageEmbedding e WHERE e.passageId = p.id AND e.model = ?)`;
// The join's condition sits in WHERE: PostgreSQL, whose writer runs these too, takes no ON after CROSS JOIN.
export const PENDING_MARKED = `SELECT p.id AS id, p.text AS text FROM PassageEmbeddingPending m CROSS JOIN Passage p
  WHERE p.id = m.passageId AND ${PENDING_WHERE} ORDER BY m.passageId LIMIT ?`;
export const COUNT_PENDING_MARKED = `SELECT count(*) FROM PassageEmbeddingPending m CROSS JOIN Passage p WHERE p.id = m.passageId AND ${PENDING_WHERE}`;
const PENDING_SCAN = `SELECT p.id AS id, p.text AS text FROM Passage p WHERE ${PENDING_WHERE} ORDER BY p.id LIMIT ?`;
const COUNT_PENDING_SCAN = `SELECT count(*) FROM Passage p WHERE ${PENDING_WHERE}`;

/** Whether every vector is of `model` (or there are none): min and max through the (model, bits) index. */
function onlyModel(db: WriteDb, model: string): boolean {
  const least = db.prepare('SELECT min(model) FROM PassageEmbedding').pluck().get() as string | null;
  const most = db.prepare('SELECT max(model) FROM PassageEmbedding').pluck().get() as string | null;
  return (least === null || least === model) && (most === null || most === model);
}
