// A DATABASE_URL as the operations around it need it on either engine: where the data is (SQLite's
// absolute file path, PostgreSQL's address), a name for logs (never a password), and migrating it.
import 'server-only';
import type { MigrateResult } from './migration-files';
import { engineOf, isPostgresUrl } from './engine';
import { migratePostgres } from './postgres/migrate';
import { databaseFilePath } from './sqlite/database-file';
import { migrateDatabase } from './sqlite/migrate';
import { openPostgresReader } from './postgres/reader';
import { openReader, type Reader } from './sqlite/reader';

/** SQLite's absolute file path, or PostgreSQL's address as given: what withWriter and the readers open. */
export function databaseTarget(url: string): string {
  return engineOf(url) === 'postgresql' ? url : databaseFilePath(url);
}

/** The database as a log line names it: the file, or the server and database without credentials. */
export function databaseLabel(url: string): string {
  if (engineOf(url) === 'sqlite') return databaseFilePath(url);
  const address = new URL(url);
  return `postgresql://${address.host}${address.pathname}`;
}

/** Applies the engine's pending migrations to the database `url` names. */
export async function migrateAt(url: string): Promise<MigrateResult> {
  return engineOf(url) === 'postgresql' ? migratePostgres(url) : migrateDatabase(databaseFilePath(url));
}

/** A read connection of its own on `target` (databaseTarget's answer): SQLite's read-only file, or a small PostgreSQL pool. */
export function openReaderAt(target: string): Reader {
  return isPostgresUrl(target) ? openPostgresReader(target, 2) : openReader(target);
}
