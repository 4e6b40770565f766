// Applies prisma/migrations/*/migration.sql in order with better-sqlite3 and records each one in
// Prisma's own _prisma_migrations table, because Prisma's migration engine is a native binary that
// cannot be downloaded on these machines. Recording them Prisma's way keeps `prisma migrate status`
// and `prisma migrate deploy` in agreement on any machine that does have the engine.
import 'server-only';
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { openDatabase, type SqliteDb } from './connection';

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

export interface MigrationFile {
  name: string;
  sql: string;
  checksum: string;
}

export interface MigrateResult {
  applied: string[];
  alreadyApplied: string[];
}

export function readMigrations(dir: string = defaultMigrationsDir): MigrationFile[] {
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && existsSync(path.join(dir, entry.name, 'migration.sql')))
    .map((entry) => entry.name)
    .sort()
    .map((name) => {
      const sql = readFileSync(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    });
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

  const failed = rows.find((row) => row.finished_at === null && row.rolled_back_at === null);
  if (failed) {
    throw new Error(`Migration ${failed.migration_name} failed earlier and was not rolled back; fix the database first.`);
  }
  const done = new Map(rows.filter((row) => row.finished_at !== null).map((row) => [row.migration_name, row]));
  const known = new Set(migrations.map((m) => m.name));
  const unknown = [...done.keys()].filter((name) => !known.has(name));
  if (unknown.length > 0) {
    throw new Error(`The database has migrations this code does not know: ${unknown.join(', ')}. Is the code older than the database?`);
  }

  const result: MigrateResult = { applied: [], alreadyApplied: [] };
  const record = db.prepare(
    `INSERT INTO _prisma_migrations (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
     VALUES (?, ?, ?, ?, ?, 1)`,
  );
  for (const migration of migrations) {
    const previous = done.get(migration.name);
    if (previous) {
      if (previous.checksum !== migration.checksum) {
        throw new Error(`Migration ${migration.name} was changed after it was applied; add a new migration instead.`);
      }
      result.alreadyApplied.push(migration.name);
      continue;
    }
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
