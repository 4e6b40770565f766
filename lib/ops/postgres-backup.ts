// Backups of a PostgreSQL archive with the server's own tools: `pg_dump -Fc` (a compressed archive
// file pg_restore reads) and `pg_restore`, of the server's major version (postgres-tools.ts), with
// the rules SQLite's backup and restore keep:
//  - a backup is one consistent moment: pg_dump reads the snapshot of a transaction that also counts
//    every table's rows, so the counts reported are exactly what the file holds;
//  - it is written under a name no one mistakes for a backup and renamed once checked (pg_restore
//    reads its table of contents and its _prisma_migrations, which must be migrations of this code);
//    the newest `keep` backups are kept;
//  - a restore checks the backup's migrations against the code's (none newer, none changed, none
//    failed) before touching anything, refuses a database holding data unless told to replace it
//    (and then first dumps it beside the backup), and runs in one transaction: a failure leaves the
//    database as it was.
import 'server-only';
import { closeSync, existsSync, openSync, readdirSync, readSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { isBookkeepingTable, type MigrationFile, openWriter, type SqliteDb } from '@/lib/db';
import { backupTarget } from './backup-target';
import { durableRename, fileTimestamp, OpsError } from './files';
import { migrationProblems, type MigrationStatus, type RecordedRow, statusOfRecorded } from './migration-status';
import { postgresToolDir, runTool, serverMajorVersion, toolConnection } from './postgres-tools';

export const POSTGRES_BACKUP_NAME = /^archive-\d{8}T\d{6}\.\d{3}Z\.pgdump$/;

export interface PostgresBackupOptions {
  url: string;
  dir: string;
  keep: number;
  migrations: MigrationFile[];
  now?: Date;
}

export interface PostgresBackupResult {
  file: string;
  bytes: number;
  counts: Record<string, number>;
  migrations: MigrationStatus;
  removed: string[];
}

/** Every table of the database's schema and its row count, read on `db` (in the caller's transaction). */
export function postgresRowCounts(db: SqliteDb): Record<string, number> {
  const tables = db.prepare('SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename').pluck().all() as string[];
  return Object.fromEntries(
    tables.map((table) => [
      table,
      Number(
        db
          .prepare(`SELECT count(*) FROM "${table.replaceAll('"', '""')}"`)
          .pluck()
          .get(),
      ),
    ]),
  );
}

export async function backupPostgres(options: PostgresBackupOptions): Promise<PostgresBackupResult> {
  const { dir, file, partial } = backupTarget(options, 'pgdump');
  const bin = postgresToolDir(serverMajorVersionOrFail(options.url), 'pg_dump');
  try {
    const counts = await dumpSnapshot(options.url, bin, partial);
    const migrations = await migrationsOfDump(partial, bin);
    const problems = migrationProblems(statusOfRecorded(migrations, options.migrations), { pendingIsProblem: false });
    if (problems.length > 0) throw new OpsError(`the copy failed verification, so it was not kept: ${problems.join('; ')}`);
    durableRename(partial, file);
    return { file, bytes: statSync(file).size, counts, migrations: statusOfRecorded(migrations, options.migrations), removed: prune(dir, options.keep) };
  } finally {
    rmSync(partial, { force: true });
  }
}

function serverMajorVersionOrFail(url: string): number {
  try {
    return serverMajorVersion(url);
  } catch (error) {
    // The code only: the server's message can name the user or the database.
    throw new OpsError(`the database cannot be reached (${(error as { code?: string }).code ?? 'unknown error'})`);
  }
}

/** pg_dump of the snapshot of a transaction that counts the rows first; returns the counts. */
async function dumpSnapshot(url: string, bin: string, to: string): Promise<Record<string, number>> {
  const writer = openWriter(url);
  try {
    // Never through write(): a backup takes no write lock; editors save on beside it.
    writer.db.exec('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
    const snapshot = writer.db.prepare('SELECT pg_export_snapshot()').pluck().get() as string;
    const counts = postgresRowCounts(writer.db);
    const { dbname, env } = toolConnection(url);
    await runTool(path.join(bin, 'pg_dump'), ['--format=custom', `--snapshot=${snapshot}`, `--file=${to}`, `--dbname=${dbname}`], env);
    writer.db.exec('COMMIT');
    return counts;
  } finally {
    writer.close();
  }
}

/** The rows of _prisma_migrations a dump holds, read with pg_restore (which also proves the file reads). */
export async function migrationsOfDump(file: string, bin: string): Promise<RecordedRow[]> {
  const sql = await runTool(path.join(bin, 'pg_restore'), ['--data-only', '--table=_prisma_migrations', '--file=-', file], process.env);
  const lines = sql.split('\n');
  const start = lines.findIndex((line) => /^COPY \S*_prisma_migrations \(/.test(line));
  if (start < 0) return [];
  const columns = /\(([^)]*)\)/
    .exec(lines[start]!)![1]!
    .split(',')
    .map((c) => c.trim().replaceAll('"', ''));
  const rows: RecordedRow[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line === '\\.') break;
    const values = line.split('\t').map((v) => (v === '\\N' ? null : v));
    const row = Object.fromEntries(columns.map((c, i) => [c, values[i]]));
    rows.push({
      migration_name: row.migration_name!,
      checksum: row.checksum!,
      finished_at: row.finished_at ?? null,
      rolled_back_at: row.rolled_back_at ?? null,
    });
  }
  return rows;
}

function prune(dir: string, keep: number): string[] {
  const backups = readdirSync(dir)
    .filter((entry) => POSTGRES_BACKUP_NAME.test(entry))
    .sort();
  const removed = backups.slice(0, Math.max(0, backups.length - keep));
  for (const entry of removed) rmSync(path.join(dir, entry), { force: true });
  return removed;
}

export interface PostgresRestoreOptions {
  backup: string;
  url: string;
  migrations: MigrationFile[];
  /** Replace a database that holds data (it is dumped beside the backup first). */
  replace?: boolean;
  now?: Date;
}

export interface PostgresRestoreResult {
  /** The database as it was, dumped before the restore, or null when it held no data. */
  safetyCopy: string | null;
  /** Migrations of this code the backup lacks: the next start applies them. */
  pending: string[];
  counts: Record<string, number>;
}

/** Every pg_dump custom-format file starts with these bytes. */
function looksLikeDump(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(5);
    return readSync(fd, buffer, 0, 5, 0) === 5 && buffer.toString('latin1') === 'PGDMP';
  } finally {
    closeSync(fd);
  }
}

export async function restorePostgres(options: PostgresRestoreOptions): Promise<PostgresRestoreResult> {
  const backup = path.resolve(options.backup);
  if (!existsSync(backup) || !statSync(backup).isFile()) throw new OpsError(`there is no file at ${backup}`);
  if (!looksLikeDump(backup)) throw new OpsError(`${backup} is not a PostgreSQL backup (pg_dump --format=custom)`);
  const major = serverMajorVersionOrFail(options.url);
  const bin = postgresToolDir(major, 'pg_restore');
  const status = statusOfRecorded(await migrationsOfDump(backup, bin), options.migrations);
  const problems = migrationProblems(status, { pendingIsProblem: false });
  if (problems.length > 0) throw new OpsError(`${backup} failed verification: ${problems.join('; ')}`);

  refuseOlderThanTarget(backup, status.pending, appliedAt(options.url));

  const before = countsAt(options.url);
  const data = Object.entries(before).filter(([table, n]) => n > 0 && !isBookkeepingTable(table));
  if (data.length > 0 && !options.replace) {
    const held = data.map(([table, n]) => `${n} ${table}`).join(', ');
    throw new OpsError(`the database is not empty (it holds ${held}): restore into a new, empty database, or give --replace to replace it`);
  }
  let safetyCopy: string | null = null;
  if (data.length > 0) {
    safetyCopy = path.join(path.dirname(backup), `before-restore-${fileTimestamp(options.now ?? new Date())}.pgdump`);
    await dumpSnapshot(options.url, postgresToolDir(major, 'pg_dump'), safetyCopy);
  }
  const { dbname, env } = toolConnection(options.url);
  // One transaction: a failure leaves the database as it was. Tables already there (a migrated,
  // empty database, or one being replaced) are dropped and made again from the backup.
  const clean = Object.keys(before).length > 0 ? ['--clean', '--if-exists'] : [];
  await runTool(
    path.join(bin, 'pg_restore'),
    ['--single-transaction', '--exit-on-error', '--no-owner', '--no-privileges', ...clean, `--dbname=${dbname}`, backup],
    env,
  );
  return { safetyCopy, pending: status.pending, counts: countsAt(options.url) };
}

/**
 * A backup that lacks migrations the target has applied cannot go there: pg_restore --clean drops and
 * remakes only what the backup holds, so those migrations' tables and functions would stay behind,
 * unrecorded, and the next start would fail making them again. In a new database nothing stays behind,
 * and the next start applies them.
 */
function refuseOlderThanTarget(backup: string, pendingInBackup: string[], appliedInTarget: Set<string>): void {
  const newer = pendingInBackup.filter((name) => appliedInTarget.has(name));
  if (newer.length === 0) return;
  throw new OpsError(
    `${backup} predates migration(s) this database has applied (${newer.join(', ')}): restoring it here would leave their tables behind. ` +
      'Restore it into a new, empty database (createdb), whose next start applies them',
  );
}

/** The migrations a database has applied (none when it has no _prisma_migrations). */
function appliedAt(url: string): Set<string> {
  const writer = openWriter(url);
  try {
    const recorded = writer.db.prepare(`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL`).pluck().get();
    if (!recorded) return new Set();
    const names = writer.db
      .prepare('SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL')
      .pluck()
      .all() as string[];
    return new Set(names);
  } finally {
    writer.close();
  }
}

function countsAt(url: string): Record<string, number> {
  const writer = openWriter(url);
  try {
    return postgresRowCounts(writer.db);
  } finally {
    writer.close();
  }
}
