// Applies prisma/postgresql/migrations/*/migration.sql in order with pg and records each one in
// Prisma's own _prisma_migrations table, in Prisma's PostgreSQL shape, for the same reason as
// sqlite/migrate.ts: Prisma's migration engine is a native binary these machines cannot download,
// and recording them Prisma's way keeps `prisma migrate status` and `deploy` in agreement elsewhere.
import 'server-only';
import { randomUUID } from 'node:crypto';
import path from 'node:path';
import pg from 'pg';
import { type MigrateResult, type MigrationFile, planMigrations, readMigrationFiles, type RecordedMigration } from '../migration-files';
import { appTypes } from './values';

export const defaultPostgresMigrationsDir = path.resolve(process.cwd(), 'prisma/postgresql/migrations');

// The key Prisma's migration engine locks with, so this runner and `prisma migrate deploy` also
// exclude each other.
const MIGRATION_LOCK_KEY = 72707369;
// How long a second migrator waits for the first to finish before it gives up.
const LOCK_WAIT = '10min';

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
)`;

export async function migratePostgres(url: string, dir: string = defaultPostgresMigrationsDir): Promise<MigrateResult> {
  const migrations = readMigrationFiles(dir);
  const client = new pg.Client({ connectionString: url, types: appTypes });
  await client.connect();
  try {
    await lock(client);
    try {
      return await applyPostgresMigrations(client, migrations);
    } finally {
      // Closing the connection releases the lock too, so a failed unlock (a lost connection) is harmless.
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => undefined);
    }
  } finally {
    await client.end();
  }
}

/**
 * A session lock, held while this connection reads what is applied and applies the rest: a second
 * process migrating at the same moment waits, then finds everything applied. It goes with the
 * connection if the process dies.
 */
async function lock(client: pg.Client): Promise<void> {
  await client.query(`SET lock_timeout = '${LOCK_WAIT}'`);
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
  } catch (error) {
    throw new Error(`Another process has been migrating this database for ${LOCK_WAIT} (advisory lock ${MIGRATION_LOCK_KEY}): ${(error as Error).message}`);
  } finally {
    await client.query('RESET lock_timeout');
  }
}

async function applyPostgresMigrations(client: pg.Client, migrations: MigrationFile[]): Promise<MigrateResult> {
  await client.query(CREATE_MIGRATIONS_TABLE);
  const { rows } = await client.query<RecordedMigration>('SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"');
  const { pending, alreadyApplied } = planMigrations(rows, migrations);

  const result: MigrateResult = { applied: [], alreadyApplied };
  for (const migration of pending) {
    // One transaction a migration (PostgreSQL's DDL is transactional): a failing statement leaves
    // neither tables nor a record behind. The file goes as one simple query, all its statements in
    // order; so a migration cannot hold statements that refuse a transaction (CREATE INDEX CONCURRENTLY).
    const startedAt = new Date();
    await client.query('BEGIN');
    try {
      await client.query(migration.sql);
      await client.query(
        `INSERT INTO "_prisma_migrations" ("id", "checksum", "migration_name", "started_at", "finished_at", "applied_steps_count")
         VALUES ($1, $2, $3, $4, clock_timestamp(), 1)`,
        [randomUUID(), migration.checksum, migration.name, startedAt],
      );
      await client.query('COMMIT');
    } catch (error) {
      // The migration's own error is the one to report, even if the connection is gone by now.
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    }
    result.applied.push(migration.name);
  }
  return result;
}
