// The one write path on SQLite (the engine-neutral part, and the shared writers, are in ../writer.ts).
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
import type { Writer, WriteDb, WriterOptions } from '../writer';
import { openDatabase } from './connection';

/** Opens a writer of its own on the database file (not shared); the caller closes it. */
export function openSqliteWriter(file: string, options: Required<WriterOptions>): Writer {
  const db = openDatabase(file);
  db.pragma(`busy_timeout = ${Math.max(0, Math.floor(options.busyTimeoutMs))}`);
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

// Kept for the modules that import the write types from here.
export type { Writer, WriteDb, WriterOptions } from '../writer';
