// Applies prisma/migrations/*/migration.sql in order with better-sqlite3 and records each one in
// Prisma's own _prisma_migrations table, because Prisma's migration engine is a native binary that
// cannot be downloaded on these machines. Recording them Prisma's way keeps `prisma migrate status`
// and `prisma migrate deploy` in agreement on any machine that does have the engine.
import 'server-only';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { type MigrateResult, type MigrationFile, planMigrations, readMigrationFiles } from '../migration-files';
import { openDatabase, type SqliteDb } from './connection';

export type { MigrateResult, MigrationFile } from '../migration-files';

export const defaultMigrationsDir = path.resolve(process.cwd(), 'prisma/migrations');

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    TEXT PRIMARY KEY NOT NULL,
    "checksum"              TEXT NOT NULL,
    "finished_at"           DATETIME,
    "migration_name"        TEXT NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        DATETIME,
    "started_at"            DATETIME NOT NULL DEFAULT current_timestamp,
    "applied_steps_count"   INTEGER UNSIGNED NOT NULL DEFAULT 0
)`;

export function readMigrations(dir: string = defaultMigrationsDir): MigrationFile[] {
  return readMigrationFiles(dir);
}

export function migrateDatabase(file: string, dir: string = defaultMigrationsDir): MigrateResult {
  const db = openDatabase(file);
  try {
    return applyMigrations(db, readMigrations(dir));
  } finally {
    db.close();
  }
}

export function applyMigrations(db: SqliteDb, migrations: MigrationFile[]): MigrateResult {
  db.exec(CREATE_MIGRATIONS_TABLE);
  const rows = db.prepare('SELECT migration_name, checksum, finished_at, rolled_back_at FROM _prisma_migrations').all() as {
    migration_name: string;
    checksum: string;
    finished_at: string | null;
    rolled_back_at: string | null;
  }[];

  const { pending, alreadyApplied } = planMigrations(rows, migrations);

  const result: MigrateResult = { applied: [], alreadyApplied };
  const record = db.prepare(
    `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
     VALUES (?, ?, ?, ?, ?, 1)`,
  );
  for (const migration of pending) {
    // One transaction a migration: a failing statement leaves neither tables nor a record behind.
    db.transaction(() => {
      const startedAt = Date.now();
      db.exec(migration.sql);
      record.run(randomUUID(), migration.checksum, migration.name, startedAt, Date.now());
    }).immediate();
    result.applied.push(migration.name);
  }
  return result;
}
