// What both engines' migration runners share: the migrations on disk in Prisma's layout
// (<dir>/<name>/migration.sql, applied in name order, identified by the SHA-256 of the file as
// Prisma's checksum is), and the checks a runner makes against what _prisma_migrations records
// before it applies anything. Each engine applies and records them its own way (sqlite/migrate.ts,
// postgres/migrate.ts).
import 'server-only';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

/** A row of _prisma_migrations, as far as deciding what to apply goes. */
export interface RecordedMigration {
  migration_name: string;
  checksum: string;
  finished_at: unknown;
  rolled_back_at: unknown;
}

export function readMigrationFiles(dir: string): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
}

/**
 * The migrations still to apply, in order, and the names of those applied already. Refuses, before
 * anything is applied, a database with a failed migration that was not rolled back, one with
 * migrations this code does not know (older code against a newer database), and a migration whose
 * file changed after it was applied.
 */
export function planMigrations(recorded: RecordedMigration[], migrations: MigrationFile[]): { pending: MigrationFile[]; alreadyApplied: string[] } {
  const failed = recorded.find((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed) {
    throw new Error(`Migration ${failed.migration_name} failed earlier and was not rolled back; fix the database first.`);
  }
  const done = new Map(recorded.filter((row) => row.finished_at !== null).map((row) => [row.migration_name, row]));
  const known = new Set(migrations.map((m) => m.name));
  const unknown = [...done.keys()].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(`The database has migrations this code does not know: ${unknown.join(', ')}. Is the code older than the database?`);
  }
  const changed = migrations.find((m) => done.has(m.name) && done.get(m.name)!.checksum !== m.checksum);
  if (changed) throw new Error(`Migration ${changed.name} was changed after it was applied; add a new migration instead.`);
  return {
    pending: migrations.filter((m) => !done.has(m.name)),
    alreadyApplied: migrations.filter((m) => done.has(m.name)).map((m) => m.name),
  };
}
