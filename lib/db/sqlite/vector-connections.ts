// Where the vector indexes and readers live: one index a database file and model, each on its own
// read-only connection with sqlite-vec loaded, and one reader a file for clients that cannot load the
// extension (a Prisma client's, in scripts and tests); on PostgreSQL, one reader a URL.
import 'server-only';
import type { Statement } from 'better-sqlite3';
import type { Prisma } from '@/lib/generated/prisma/client';
import { databaseFileOf } from '../client-writer';
import { isPostgresUrl } from '../engine';
import { openPostgresReader, type PostgresReader } from '../postgres/reader';
import type { QueryDb } from '../query';
import type { VectorReaderLookup } from '../vectors';
import { loadVectorFunctions, openReadOnlyDatabase, type SqliteDb } from './connection';
import { openReader, type Reader } from './reader';
import { setVectorMemoryBudget as setIndexVectorBudget, VectorIndex } from './vector-index';

export interface IndexedFile {
  index: VectorIndex;
  run<T>(sql: Prisma.Sql): T[];
}

// One index a database file and model, each on its own read-only connection (with sqlite-vec), so the
// refresh, the pre-selection and the rescoring share one snapshot.
const indexes = new Map<string, { db: SqliteDb; files: Map<string, IndexedFile> } | null>();
const fileOf = new WeakMap<QueryDb, string>();

export async function indexFor(db: QueryDb, model: string): Promise<IndexedFile | null> {
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
const postgresReaders = new Map<string, PostgresReader>();

/**
 * A connection on which the vector statements run: `db` itself when it is a reader with the vector
 * functions, else a read-only reader of the same file (a Prisma client's, in scripts and tests).
 */
export const vectorReaderFor: VectorReaderLookup = async (db: QueryDb) => {
  const own = db as Partial<Reader>;
  if (typeof own.hasVectors === 'boolean') return own.hasVectors ? db : null;
  const file = await databaseFileOf(db);
  // A PostgreSQL client (the app's Prisma client there): its statements run on a reader of the same
  // URL, one per URL, which the vector statements of postgres/vectors.ts need nothing loaded on.
  if (isPostgresUrl(file)) {
    let pgReader = postgresReaders.get(file);
    if (!pgReader) {
      pgReader = openPostgresReader(file);
      postgresReaders.set(file, pgReader);
    }
    return pgReader;
  }
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
  for (const reader of postgresReaders.values()) reader.close();
  postgresReaders.clear();
  for (const entry of indexes.values()) entry?.db.close();
  indexes.clear();
}
