// lib/db: the one way to the database. Nothing outside lib/db opens a connection (eslint.config.mjs
// refuses better-sqlite3, the Prisma adapter, pg and `new PrismaClient` elsewhere); the rest of lib/
// asks for one here. Engine-specific code lives in lib/db/<engine>/ (today only sqlite/: pragmas,
// migrations, BEGIN IMMEDIATE, backups, FTS5); a second engine is a second folder behind these names.
// The app's shared connections to DATABASE_URL are in `@/lib/db/client` (server only).
//
// Beside PostgreSQL, what keeps its shape: QueryDb and `sql` (Prisma's bound parameters, `$1` there
// instead of `?`), FullTextStatements (tsvector/ts_rank instead of FTS5/bm25), createPrismaClient
// (another adapter), and WriteDb: better-sqlite3's synchronous connection, which PostgreSQL's writer
// imitates over a worker thread (postgres/write-db.ts), so lib/editorial's write functions stay
// synchronous. What does not: migrations and backups are per engine by nature.
import 'server-only';

// Reading: QueryDb is Prisma's `$queryRaw` shape, answered by the Prisma client and by the reader.
export { num, sql, join, empty, type QueryDb, type Sql } from './query';
export { createPrismaClient } from './prisma';
export { engineOf, isPostgresUrl, type Engine } from './engine';
export { databaseTarget, databaseLabel, migrateAt, openReaderAt } from './target';
export { openReader, type Reader } from './sqlite/reader';
// Full text: the engine's statements for search (see full-text.ts).
export type { FullTextIndex, FullTextStatements, PrefixLookup, PrefixWords, SynonymLookup } from './full-text';
export { NO_PREFIX_WORDS } from './full-text';
export { fullText, idList, jsonField } from './engine-statements';
export { TEXT_WEIGHT, SPEAKER_WEIGHT, TITLE_WEIGHT } from './sqlite/full-text';
// The impact-ordered lists of one-word searches (lib/search/top-k): the engine's statements and records.
export {
  CANDIDATE_FORMS_SQL,
  candidateFormsFloor,
  lengthOf,
  readTotals,
  termImpactReading,
  termImpactWriting,
  totalsOf,
  type IndexTotals,
  type ListRead,
} from './sqlite/term-impacts';
export { readListsWithWorker, queryOnWorker, type ListToRead } from './sqlite/term-list-reads';
export { workerFile } from './worker-file';
// Vectors: where passages' embeddings are kept and how the nearest are found (see vectors.ts).
export type { ChunkVector, NearestOptions, NearestRow, VectorStatements } from './vectors';
export { vectors } from './engine-statements';
export { vectorReaderFor, closeVectorReaders, vectorIndexOf, mapVectorReads, setVectorMemoryBudget } from './sqlite/vector-connections';
export { preselectCount } from './sqlite/vector-rescore';
// Writing: every write goes through one serialized writer per database (a SQLite file, a PostgreSQL URL).
export { databaseFileOf, isWriter, sharedWriterFor } from './client-writer';
export { write, withWriter, writerOf, openWriter, closeWriters, nowIso, isWriteBusy, type Writer, type WriterOptions, type WriteDb } from './writer';
// Files, schema and operations (scripts, health checks, backups).
export { databaseFilePath } from './sqlite/database-file';
export { migrateDatabase, applyMigrations, readMigrations, defaultMigrationsDir, type MigrationFile, type MigrateResult } from './sqlite/migrate';
export { migratePostgres, defaultPostgresMigrationsDir } from './postgres/migrate';
export { readPostgresUserVersion } from './postgres/user-version';
export { isBookkeepingTable } from './postgres/bookkeeping';
export { copySqliteToPostgres, TargetNotEmptyError, DERIVED_TABLES, type CopyProgress, type CopyResult } from './postgres/copy-from-sqlite';
// Shared per-address rate limits of the app servers on one PostgreSQL (lib/server/rate-limits.ts).
export { openRateLimitStore, RATE_LIMIT_TABLE, type RateLimitStore } from './postgres/rate-limit-store';
export { verifyCopy, type VerifyResult, type TableCount } from './postgres/verify-copy';
export { openDatabase, openReadOnlyDatabase, PAGE_SIZE, tuneForSearch, type SqliteDb } from './sqlite/connection';
export { holdExclusively, DatabaseInUseError } from './sqlite/exclusive';
export { makeSelfContained } from './sqlite/self-contained';
export { bulkLoadPassages } from './sqlite/bulk-passages';
export {
  indexesWorthMerging,
  MERGE_THRESHOLD,
  mergePassageIndexes,
  PASSAGE_INDEXES,
  segmentsOf,
  shapeOf,
  type IndexShape,
  type IndexToMerge,
  type MergeReport,
} from './sqlite/index-segments';
