// The one write path, whatever the engine: every write of the app (editorial changes, the audit log,
// sign-in throttling) is a synchronous function run by a Writer in one transaction that holds the
// database's single write lock, acknowledged only once COMMIT has returned.
//  - SQLite (sqlite/writer.ts): better-sqlite3, BEGIN IMMEDIATE … COMMIT;
//  - PostgreSQL (postgres/writer.ts): BEGIN, pg_advisory_xact_lock, … COMMIT, over a connection the
//    calling thread blocks on (writes are editorial and rare; see postgres/sync-connection.ts).
// A writer is named by its target: a SQLite file's absolute path, or a PostgreSQL URL.
import 'server-only';
import { env } from '@/lib/env';
import type { SqliteDb } from './sqlite/connection';
import { isPostgresUrl } from './engine';
import { databaseTarget } from './target';
import { openPostgresWriter } from './postgres/writer';
import { openSqliteWriter } from './sqlite/writer';

/**
 * The connection a write function gets: better-sqlite3's synchronous Database. On PostgreSQL it is a
 * PostgresWriteDb (postgres/write-db.ts), which answers the part of this API the write functions use:
 * prepare(…).run/get/all/iterate/pluck/raw, exec, pragma('user_version'), transaction, open, close.
 */
export type WriteDb = SqliteDb;

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export interface Writer {
  /** What the writer writes to: the absolute path of a SQLite file, or a PostgreSQL URL. */
  readonly file: string;
  /** The connection. Use it for reads outside write(); write only through write(). */
  readonly db: WriteDb;
  /** Runs `fn` in one transaction holding the write lock and returns its result once COMMIT has returned. */
  write<T>(fn: (db: WriteDb) => T): T;
  close(): void;
}

export interface WriterOptions {
  /** How long to wait for another connection's write lock before failing (SQLITE_BUSY; on PostgreSQL 55P03). */
  busyTimeoutMs?: number;
}

/** Opens a writer of its own (not shared) on a SQLite file or a PostgreSQL URL; the caller closes it. */
export function openWriter(target: string, options: WriterOptions = {}): Writer {
  const settings = { busyTimeoutMs: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS };
  return isPostgresUrl(target) ? openPostgresWriter(target, settings) : openSqliteWriter(target, settings);
}

const writers = new Map<string, Writer>();

/** The shared writer of a database (a SQLite file or a PostgreSQL URL; default: DATABASE_URL's), opened on first use. */
export function withWriter(target?: string): Writer {
  const resolved = target ?? databaseTarget(env.DATABASE_URL);
  let writer = writers.get(resolved);
  if (!writer || !writer.db.open) {
    writer = openWriter(resolved);
    writers.set(resolved, writer);
  }
  return writer;
}

/** Runs `fn` as one write transaction on the shared writer of `target` (default: DATABASE_URL's database). */
export function write<T>(fn: (db: WriteDb) => T, target?: string): T {
  return withWriter(target).write(fn);
}

/** Closes every shared writer (end of a script or test). */
export function closeWriters(): void {
  for (const writer of writers.values()) writer.close();
  writers.clear();
}

/** The time as Prisma writes DateTime columns in SQLite ("2026-11-22T16:14:09.233+00:00"), so its reads parse ours. */
export function nowIso(date: Date = new Date()): string {
  return date.toISOString().replace('Z', '+00:00');
}

/** Selects the writer of the call: the one given, or the shared one of DATABASE_URL. */
export function writerOf(options?: { writer?: Writer }): Writer {
  return options?.writer ?? withWriter();
}

/** Whether a write failed because another writer held the lock too long (SQLite's SQLITE_BUSY, PostgreSQL's lock_not_available). */
export function isWriteBusy(error: unknown): boolean {
  const code = error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && (code.startsWith('SQLITE_BUSY') || code === '55P03');
}
