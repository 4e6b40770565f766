// The one write path: every write of the app (editorial changes, the audit log, sign-in throttling).
//
// Every editorial change runs here, on a dedicated better-sqlite3 connection per database file, as a
// synchronous `BEGIN IMMEDIATE … COMMIT`. Why not Prisma: its better-sqlite3 adapter starts
// transactions DEFERRED, so two writers can both read and then race for the lock, and a COMMIT that
// meets SQLITE_BUSY can lose a write that was already acknowledged (prisma/orm#29933). Here:
//
//  - BEGIN IMMEDIATE takes the write lock before the first read, waiting up to `busy_timeout` for
//    another connection (a script, Prisma, a second server process) to let go of it;
//  - in WAL mode a COMMIT that holds the write lock cannot be BUSY;
//  - if the function throws, better-sqlite3 rolls back and rethrows, so the caller sees the error
//    and nothing was written; a change is acknowledged only after its COMMIT has returned.
//
// Inside one process the calls are synchronous, so they never interleave: the process's writes are
// serialized by construction. Between processes, SQLite's lock serializes them.
import 'server-only';
import { env } from '@/lib/env';
import { openDatabase, type SqliteDb } from './connection';
import { databaseFilePath } from './database-file';

/**
 * The connection a write function gets. SQLite-shaped (synchronous prepare/run): a PostgreSQL engine
 * would hand its writes an async client instead, and write() would await them inside BEGIN … COMMIT.
 */
export type WriteDb = SqliteDb;

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

export interface Writer {
  /** Absolute path of the database file. */
  readonly file: string;
  /** The connection. Use it for reads outside write(); write only through write(). */
  readonly db: WriteDb;
  /** Runs `fn` in one IMMEDIATE transaction and returns its result once COMMIT has returned. */
  write<T>(fn: (db: WriteDb) => T): T;
  close(): void;
}

export interface WriterOptions {
  /** How long to wait for another connection's write lock before failing with SQLITE_BUSY. */
  busyTimeoutMs?: number;
}

/** Opens a writer of its own (not shared); the caller closes it. Tests use it for odd settings. */
export function openWriter(file: string, options: WriterOptions = {}): Writer {
  const db = openDatabase(file);
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS))}`);
  return {
    file,
    db,
    write<T>(fn: (db: WriteDb) => T): T {
      const run = db.transaction(() => {
        const result = fn(db);
        // An async function would commit before its awaits ran: refuse it while we can still roll back.
        if (result instanceof Promise) throw new TypeError('write() takes a synchronous function; an async one would commit half its work.');
        return result;
      });
      return run.immediate();
    },
    close() {
      if (db.open) db.close();
    },
  };
}

const writers = new Map<string, Writer>();

/** The shared writer of a database file (default: DATABASE_URL), opened on first use. */
export function withWriter(file?: string): Writer {
  const resolved = file ?? databaseFilePath(env.DATABASE_URL);
  let writer = writers.get(resolved);
  if (!writer || !writer.db.open) {
    writer = openWriter(resolved);
    writers.set(resolved, writer);
  }
  return writer;
}

/** Runs `fn` as one IMMEDIATE transaction on the shared writer of `file` (default: DATABASE_URL). */
export function write<T>(fn: (db: WriteDb) => T, file?: string): T {
  return withWriter(file).write(fn);
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
