// The one write path on PostgreSQL: the same Writer as SQLite's (lib/db/writer.ts), so every write
// function of the app runs unchanged. write(fn) is
//
//   BEGIN; SELECT pg_advisory_xact_lock(WRITE_LOCK_KEY); fn(db); COMMIT   (ROLLBACK and rethrow if fn throws)
//
// The advisory lock gives what SQLite's BEGIN IMMEDIATE gives: one writer at a time across every
// process, taken before the first read, so a read-check-write (the editorial layer's optimistic
// versions, the sign-in throttle) cannot interleave with another. It is released by COMMIT/ROLLBACK.
// A change is acknowledged (write() returns) only after COMMIT has returned.
//
// The connection is synchronous (write-db.ts, sync-connection.ts): the calling thread blocks on each
// statement. Acceptable because writes are editorial and rare; reads of the site never come here.
import 'server-only';
import type { Writer, WriteDb, WriterOptions } from '../writer';
import { PostgresWriteDb } from './write-db';

/** Opens a writer of its own on the database at `url`; the caller closes it. */
export function openPostgresWriter(url: string, options: Required<WriterOptions>): Writer {
  const connection = new PostgresWriteDb(url, { lockTimeoutMs: options.busyTimeoutMs });
  // The write functions are typed against better-sqlite3's Database; PostgresWriteDb is the part of it they use.
  const db = connection as unknown as WriteDb;
  return {
    file: url,
    db,
    write<T>(fn: (db: WriteDb) => T): T {
      return connection.transaction(() => {
        const result = fn(db);
        // An async function would commit before its awaits ran: refuse it while we can still roll back.
        if (result instanceof Promise) throw new TypeError('write() takes a synchronous function; an async one would commit half its work.');
        return result;
      })();
    },
    close() {
      if (connection.open) connection.close();
    },
  };
}
