// Which of the code's migrations a database has applied, compared with prisma/migrations.
import 'server-only';
import { type Engine, type MigrationFile, type SqliteDb } from '@/lib/db';

export interface MigrationStatus {
  /** False when the database has no _prisma_migrations table at all: not an archive database. */
  recorded: boolean;
  applied: string[];
  /** In the code, not yet applied: the next start applies them. */
  pending: string[];
  /** Applied, but unknown to this code: the database is newer than the code. */
  unknown: string[];
  /** Applied with another checksum than the file has now: the file was edited after it ran. */
  changed: string[];
  /** Started and neither finished nor rolled back. */
  failed: string[];
}

// Whether _prisma_migrations exists, asked each engine's way (SQLite's schema table; PostgreSQL's
// to_regclass, which answers NULL rather than failing for a missing table).
const HAS_MIGRATIONS_TABLE = {
  sqlite: "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'",
  postgresql: `SELECT 1 WHERE to_regclass('"_prisma_migrations"') IS NOT NULL`,
};

/** `db`: a SQLite connection, or on PostgreSQL a writer's synchronous db (lib/db/postgres/write-db.ts). */
export function migrationStatus(db: SqliteDb, migrations: MigrationFile[], engine: Engine = 'sqlite'): MigrationStatus {
  const status: MigrationStatus = { recorded: false, applied: [], pending: [], unknown: [], changed: [], failed: [] };
  const hasTable = db.prepare(HAS_MIGRATIONS_TABLE[engine]).get();
  if (!hasTable) return { ...status, pending: migrations.map((m) => m.name) };
  const rows = db.prepare('SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations').all() as RecordedRow[];
  return statusOfRecorded(rows, migrations);
}

/** A row of _prisma_migrations, as read from a database or from a PostgreSQL backup file. */
export interface RecordedRow {
  migration_name: string;
  checksum: string;
  finished_at: string | number | null;
  rolled_back_at: string | number | null;
}

/** The status of what a _prisma_migrations table records, against the code's migrations. */
export function statusOfRecorded(rows: RecordedRow[], migrations: MigrationFile[]): MigrationStatus {
  const status: MigrationStatus = { recorded: true, applied: [], pending: [], unknown: [], changed: [], failed: [] };
  const finished = new Map(rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => [r.migration_name, r.checksum]));
  status.failed = rows.filter((r) => r.finished_at === null && r.rolled_back_at === null).map((r) => r.migration_name);
  const known = new Set(migrations.map((m) => m.name));
  status.unknown = [...finished.keys()].filter((name) => !known.has(name)).sort();
  for (const migration of migrations) {
    const checksum = finished.get(migration.name);
    if (checksum === undefined) status.pending.push(migration.name);
    else if (checksum !== migration.checksum) status.changed.push(migration.name);
    else status.applied.push(migration.name);
  }
  return status;
}

/** What is wrong, in words, or [] when every migration of the code is applied as written. */
export function migrationProblems(status: MigrationStatus, { pendingIsProblem }: { pendingIsProblem: boolean }): string[] {
  if (!status.recorded) return ['no migrations are recorded (_prisma_migrations is missing): not an archive database'];
  const problems: string[] = [];
  if (status.failed.length) problems.push(`migration(s) started and never finished: ${status.failed.join(', ')}`);
  if (status.unknown.length) problems.push(`migration(s) newer than this code: ${status.unknown.join(', ')}`);
  if (status.changed.length) problems.push(`migration(s) applied from a different file than this code has: ${status.changed.join(', ')}`);
  if (pendingIsProblem && status.pending.length) problems.push(`migration(s) not applied: ${status.pending.join(', ')}`);
  return problems;
}
