// SQLite's vectors: the plain table PassageEmbedding (see its migration) and sqlite-vec's scalar
// functions, vec_distance_hamming on the 64-byte sign blobs and vec_distance_cosine on the int8
// vectors. No vec0 virtual table: a plain table is kept in step by ordinary triggers and foreign keys
// on every connection (Prisma's included, which cannot load the extension), and Prisma sees no
// shadow tables. Only reading needs the extension, and lib/db's reader loads it.
import 'server-only';
import { Prisma } from '@/lib/generated/prisma/client';
import { databaseFileOf } from '../client-writer';
import type { QueryDb } from '../query';
import type { ChunkVector, VectorReaderLookup, VectorStatements } from '../vectors';
import { openReader, type Reader } from './reader';
import type { WriteDb } from './writer';

const blob = (bytes: Uint8Array | Int8Array) => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

export const sqliteVectors: VectorStatements = {
  pending(db: WriteDb, model: string, limit: number) {
    return db
      .prepare(
        `SELECT p.id AS id, p.text AS text FROM Passage p
         WHERE trim(p.text) <> '' AND NOT EXISTS (SELECT 1 FROM PassageEmbedding e WHERE e.passageId = p.id AND e.model = ?)
         ORDER BY p.id LIMIT ?`,
      )
      .all(model, limit) as { id: number; text: string }[];
  },

  countPending(db: WriteDb, model: string) {
    return db
      .prepare(
        `SELECT count(*) FROM Passage p
         WHERE trim(p.text) <> '' AND NOT EXISTS (SELECT 1 FROM PassageEmbedding e WHERE e.passageId = p.id AND e.model = ?)`,
      )
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

// Readers opened for clients (a Prisma client cannot load an extension), one per database file.
const readers = new Map<string, Reader>();

/**
 * A connection on which the vector statements run: `db` itself when it is a reader with the vector
 * functions, else a read-only reader of the same file (a Prisma client's, in scripts and tests).
 */
export const vectorReaderFor: VectorReaderLookup = async (db: QueryDb) => {
  const own = db as Partial<Reader>;
  if (typeof own.hasVectors === 'boolean') return own.hasVectors ? db : null;
  const file = await databaseFileOf(db);
  let reader = readers.get(file);
  if (!reader) {
    reader = openReader(file);
    readers.set(file, reader);
  }
  return reader.hasVectors ? reader : null;
};

/** Closes the readers vectorReaderFor opened (end of a script or test). */
export function closeVectorReaders(): void {
  for (const reader of readers.values()) reader.close();
  readers.clear();
}
