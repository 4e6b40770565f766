// Turns a database file that is not in use into one self-contained file (rollback journal, no WAL
// beside it): how backups are kept, so that a copy of the file alone is the whole database.
import 'server-only';
import Database from 'better-sqlite3';

export function makeSelfContained(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    db.pragma('journal_mode = DELETE');
  } finally {
    db.close();
  }
}
