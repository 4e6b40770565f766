// SQLite's vectors: the plain table PassageEmbedding (see its migration) and sqlite-vec's scalar
// functions, vec_distance_hamming on the 64-byte sign blobs and vec_distance_cosine on the int8
// vectors. The search's pre-selection by signs runs in memory (vector-index.ts, nearestIndexed);
// `nearest` is the same step all in SQL, kept as the reference the index is tested and measured
// against. No vec0 virtual table: a plain table is kept in step by ordinary triggers and foreign keys
// on every connection (Prisma's included, which cannot load the extension), and Prisma sees no
// shadow tables. Only reading needs the extension, and lib/db's reader loads it.
import 'server-only';
import type { Statement } from 'better-sqlite3';
import { Prisma } from '@/lib/generated/prisma/client';
import { databaseFileOf } from '../client-writer';
import type { QueryDb } from '../query';
import type { ChunkVector, NearestOptions, NearestRow, VectorReaderLookup, VectorStatements } from '../vectors';
import { loadVectorFunctions, openReadOnlyDatabase, type SqliteDb } from './connection';
import { openReader, type Reader } from './reader';
import { setVectorMemoryBudget as setIndexVectorBudget, VectorIndex, type ChunkKey } from './vector-index';
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
export const PENDING_MARKED = `SELECT p.id AS id, p.text AS text FROM PassageEmbeddingPending m CROSS JOIN Passage p ON p.id = m.passageId
  WHERE ${PENDING_WHERE} ORDER BY m.passageId LIMIT ?`;
export const COUNT_PENDING_MARKED = `SELECT count(*) FROM PassageEmbeddingPending m CROSS JOIN Passage p ON p.id = m.passageId WHERE ${PENDING_WHERE}`;
const PENDING_SCAN = `SELECT p.id AS id, p.text AS text FROM Passage p WHERE ${PENDING_WHERE} ORDER BY p.id LIMIT ?`;
const COUNT_PENDING_SCAN = `SELECT count(*) FROM Passage p WHERE ${PENDING_WHERE}`;

/** Whether every vector is of `model` (or there are none): min and max through the (model, bits) index. */
function onlyModel(db: WriteDb, model: string): boolean {
  const least = db.prepare('SELECT min(model) FROM PassageEmbedding').pluck().get() as string | null;
  const most = db.prepare('SELECT max(model) FROM PassageEmbedding').pluck().get() as string | null;
  return (least === null || least === model) && (most === null || most === model);
}

/** Keeps as many chunks as `nearest`'s SQL does: min(max, max(preselect, share of all)). */
export const preselectCount = (count: number, { preselect, preselectShare, preselectMax }: NearestOptions) =>
  Math.min(preselectMax, Math.max(preselect, Math.trunc(count * preselectShare)));

function nearestInMemory({ index, run }: IndexedFile, query: ChunkVector, options: NearestOptions): NearestRow[] {
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
function norm(v: Int8Array): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += v[i] * v[i];
  return Math.sqrt(sum);
}

/**
 * Cosine distance of two int8 vectors, as sqlite-vec's vec_distance_cosine computes it: float sums
 * (exact: integers below 2^24), C's double sqrt, quotient and difference, the result rounded to
 * float32; so the distances (and their ties) are bit for bit those of the SQL step.
 */
function cosineDistance(a: Int8Array, b: Int8Array, bNorm: number): number {
  let dot = 0;
  let aa = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i];
    dot += x * b[i];
    aa += x * x;
  }
  return f32(1 - dot / (Math.sqrt(aa) * bNorm));
}

interface IndexedFile {
  index: VectorIndex;
  run<T>(sql: Prisma.Sql): T[];
}

// One index a database file and model, each on its own read-only connection (with sqlite-vec), so the
// refresh, the pre-selection and the rescoring share one snapshot.
const indexes = new Map<string, { db: SqliteDb; files: Map<string, IndexedFile> } | null>();
const fileOf = new WeakMap<QueryDb, string>();

async function indexFor(db: QueryDb, model: string): Promise<IndexedFile | null> {
  let file = fileOf.get(db);
  if (!file) {
    file = await databaseFileOf(db);
    fileOf.set(db, file);
  }
  let entry = indexes.get(file);
  if (entry === undefined) {
    const connection = openReadOnlyDatabase(file);
    if (mmapBytes > 0) connection.pragma(`mmap_size = ${Math.trunc(mmapBytes)}`);
    entry = loadVectorFunctions(connection) ? { db: connection, files: new Map() } : null;
    if (!entry) connection.close();
    indexes.set(file, entry);
  }
  if (!entry) return null;
  let indexed = entry.files.get(model);
  if (!indexed) {
    const connection = entry.db;
    const statements = new Map<string, Statement>();
    indexed = {
      index: new VectorIndex(connection, model),
      run<T>(query: Prisma.Sql) {
        let statement = statements.get(query.sql);
        if (!statement) {
          statement = connection.prepare(query.sql);
          statements.set(query.sql, statement);
        }
        return statement.all(...(query.values as unknown[])) as T[];
      },
    };
    entry.files.set(model, indexed);
  }
  return indexed;
}

/**
 * Lets the index connections map the database file into memory (SQLite's mmap_size; 0, the default,
 * reads pages with read(2)). The rescoring reads a few thousand random rows a query, which mapped
 * pages serve ~2.5× faster; but every page touched counts in the process's RSS, up to `bytes`.
 */
export function mapVectorReads(bytes: number): void {
  mmapBytes = bytes;
  for (const entry of indexes.values()) entry?.db.pragma(`mmap_size = ${Math.trunc(bytes)}`);
}
let mmapBytes = 0;

/** Sets how many bytes of int8 vectors an index may keep in memory (0: none, read them from the table); indexes rebuild. */
export function setVectorMemoryBudget(bytes: number): void {
  setIndexVectorBudget(bytes);
  for (const entry of indexes.values()) for (const { index } of entry?.files.values() ?? []) index.invalidate();
}

/** The in-process index of a database file (tests and the benchmark look at its figures); null before first use. */
export function vectorIndexOf(file: string, model: string): VectorIndex | null {
  return indexes.get(file)?.files.get(model)?.index ?? null;
}

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

/** Closes the readers vectorReaderFor opened and the vector indexes' connections (end of a script or test). */
export function closeVectorReaders(): void {
  for (const reader of readers.values()) reader.close();
  readers.clear();
  for (const entry of indexes.values()) entry?.db.close();
  indexes.clear();
}
