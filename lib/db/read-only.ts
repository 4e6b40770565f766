// A read-only connection to an existing database file, for checks that must never write or create
// anything (the health check, verifying a backup): opening a missing file fails instead of making one.
import Database from 'better-sqlite3';

export function openReadOnlyDatabase(file: string, timeoutMs = 5000): Database.Database {
  return new Database(file, { readonly: true, fileMustExist: true, timeout: timeoutMs });
}
