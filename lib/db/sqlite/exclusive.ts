// Exclusive hold of a database file, for replacing it (restore). Switching a WAL database back to
// rollback mode needs every other connection closed, so it doubles as the test "is a server using
// this file?"; the EXCLUSIVE lock then keeps anyone from reading or writing it until released.
import 'server-only';
import Database from 'better-sqlite3';

export class DatabaseInUseError extends Error {}

export interface ExclusiveHold {
  release(): void;
}

export function holdExclusively(file: string): ExclusiveHold {
  const db = new Database(file, { fileMustExist: true, timeout: 0 });
  try {
    // Folds the WAL into the file and removes it, so the file alone is the whole database.
    db.pragma('journal_mode = DELETE');
    db.pragma('locking_mode = EXCLUSIVE');
    db.exec('BEGIN EXCLUSIVE');
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code?.startsWith('SQLITE_BUSY')) {
      throw new DatabaseInUseError('the database is in use by another process (is the server running? stop it first)');
    }
    throw error;
  }
  return {
    release() {
      if (db.inTransaction) db.exec('ROLLBACK');
      db.close();
    },
  };
}
