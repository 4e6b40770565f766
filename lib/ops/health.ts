// The archive's health in one report: database reachable, migrations current, search index
// consistent, disk space. Nothing in it names a file, a path, a setting or a credential: it is served
// publicly. On either engine: a SQLite file (checkHealth), or a PostgreSQL server (checkPostgresHealth).
import 'server-only';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { defaultPostgresMigrationsDir, type MigrationFile, openReadOnlyDatabase, openReaderAt, type QueryDb, readMigrations, type SqliteDb } from '@/lib/db';
import { diskSpace, formatBytes } from './disk';
import { searchIndexCheck } from './integrity';
import { migrationProblems, migrationStatus, type MigrationStatus, type RecordedRow, statusOfRecorded } from './migration-status';

export type HealthStatus = 'ok' | 'degraded' | 'failing';

export interface Check {
  status: HealthStatus;
  message: string;
  [detail: string]: unknown;
}

export interface HealthReport {
  status: HealthStatus;
  checkedAt: string;
  checks: { database: Check; migrations: Check; searchIndex: Check; disk: Check; rateLimits?: Check };
}

export interface HealthOptions {
  migrations?: MigrationFile[];
  /** Below this much free space saves are about to fail: failing. */
  failingBelowBytes?: number;
  /** Below this much free space (or twice the database's size, if larger) a backup may not fit: degraded. */
  degradedBelowBytes?: number;
  now?: Date;
}

const MiB = 1024 * 1024;
const RANK: Record<HealthStatus, number> = { ok: 0, degraded: 1, failing: 2 };
const worst = (statuses: HealthStatus[]): HealthStatus => statuses.reduce((a, b) => (RANK[b] > RANK[a] ? b : a), 'ok');
const notRun = (why: string): Check => ({ status: 'failing', message: `not checked: ${why}` });

/**
 * SQLite's health, read synchronously from the file. For a PostgreSQL URL see checkPostgresHealth
 * (asynchronous: a server can be slow or unreachable, and a probe must not block the app meanwhile).
 */
export function checkHealth(file: string, options: HealthOptions = {}): HealthReport {
  return checkSqliteHealth(file, options);
}

function checkSqliteHealth(file: string, options: HealthOptions): HealthReport {
  let db: SqliteDb | null = null;
  let database: Check;
  try {
    db = openReadOnlyDatabase(file, 2000);
    // A real read of a real table: opening alone proves little (SQLite opens lazily).
    const documents = db.prepare('SELECT count(*) FROM Document').pluck().get() as number;
    database = { status: 'ok', message: 'reachable', documents };
  } catch (error) {
    db?.close();
    db = null;
    // The code, never the message: SQLite's messages can carry a path.
    const code = (error as { code?: string }).code ?? 'unknown error';
    database = { status: 'failing', message: `the database cannot be read (${code})` };
  }

  try {
    const migrations = db ? checkMigrations(db, options.migrations ?? readMigrations()) : notRun('the database cannot be read');
    const searchIndex = db ? checkSearchIndex(db) : notRun('the database cannot be read');
    const disk = checkDisk(file, options);
    return report({ database, migrations, searchIndex, disk }, options);
  } finally {
    db?.close();
  }
}

function report(checks: HealthReport['checks'], options: HealthOptions): HealthReport {
  return { status: worst(Object.values(checks).map((c) => c.status)), checkedAt: (options.now ?? new Date()).toISOString(), checks };
}

/** The report with one more check, its overall status recomputed. */
export function withCheck(base: HealthReport, name: 'rateLimits', check: Check): HealthReport {
  const checks = { ...base.checks, [name]: check };
  return { ...base, status: worst(Object.values(checks).map((c) => c.status)), checks };
}

/**
 * PostgreSQL: the same checks, asynchronously, on a small pool of its own (closed after), within
 * `timeoutMs`: a server that does not answer is reported failing instead of holding the probe.
 * Errors are reported by SQLSTATE or system code only: PostgreSQL's and pg's messages can name the
 * user, host or database, and the report is public.
 */
export async function checkPostgresHealth(url: string, options: HealthOptions & { timeoutMs?: number } = {}): Promise<HealthReport> {
  const timeoutMs = options.timeoutMs ?? 5000;
  const reader = openReaderAt(url);
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)));
  try {
    const checks = await Promise.race([postgresChecks(reader, options), timeout]);
    if (checks === 'timeout') {
      const why = `the database did not answer within ${timeoutMs / 1000} s`;
      return report({ database: { status: 'failing', message: why }, migrations: notRun(why), searchIndex: notRun(why), disk: NO_DISK }, options);
    }
    return report(checks, options);
  } finally {
    clearTimeout(timer);
    reader.close();
  }
}

// The data is on a server's disks, which this process cannot see: the server's own monitoring watches them.
const NO_DISK: Check = { status: 'ok', message: 'not applicable: a server' };

async function postgresChecks(db: QueryDb, options: HealthOptions): Promise<HealthReport['checks']> {
  let database: Check;
  try {
    const [row] = await db.$queryRaw<{ n: number }[]>`SELECT count(*) AS n FROM Document`;
    database = { status: 'ok', message: 'reachable', documents: Number(row!.n) };
  } catch (error) {
    database = { status: 'failing', message: `the database cannot be read (${errorCode(error)})` };
    const why = notRun('the database cannot be read');
    return { database, migrations: why, searchIndex: why, disk: NO_DISK };
  }
  const migrations = await checkPostgresMigrations(db, options.migrations ?? readMigrations(defaultPostgresMigrationsDir));
  const searchIndex = await checkPostgresSearchIndex(db);
  return { database, migrations, searchIndex, disk: NO_DISK };
}

async function checkPostgresMigrations(db: QueryDb, migrations: MigrationFile[]): Promise<Check> {
  try {
    const [table] = await db.$queryRaw<{ present: unknown }[]>`SELECT to_regclass('"_prisma_migrations"') IS NOT NULL AS present`;
    const rows = table?.present
      ? await db.$queryRaw<RecordedRow[]>`SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`
      : null;
    const status = rows ? statusOfRecorded(rows, migrations) : { ...statusOfRecorded([], migrations), recorded: false };
    return migrationCheck(status);
  } catch (error) {
    return { status: 'failing', message: `the migrations cannot be read (${errorCode(error)})` };
  }
}

const errorCode = (error: unknown): string => (error as { code?: string }).code ?? 'unknown error';

/**
 * PostgreSQL's full-text table (passage_fts, kept by triggers from Passage) must hold one row per
 * passage. Without that table there is nothing to compare: the migrations check tells whether the
 * code expects one.
 */
async function checkPostgresSearchIndex(db: QueryDb): Promise<Check> {
  try {
    const [table] = await db.$queryRaw<{ present: unknown }[]>`SELECT to_regclass('passage_fts') IS NOT NULL AS present`;
    if (!table?.present) return { status: 'ok', message: 'no full-text table to check', tables: 0 };
    const [counts] = await db.$queryRaw<{ indexed: number; passages: number }[]>`
      SELECT (SELECT count(*) FROM passage_fts) AS indexed, (SELECT count(*) FROM Passage) AS passages`;
    const indexed = Number(counts!.indexed);
    const passages = Number(counts!.passages);
    return indexed === passages
      ? { status: 'ok', message: 'consistent', tables: 1 }
      : { status: 'degraded', message: 'the search index is inconsistent', problems: [`passage_fts: ${indexed} row(s) for ${passages} passage(s)`] };
  } catch (error) {
    return { status: 'degraded', message: `the search index cannot be checked (${errorCode(error)})` };
  }
}

function checkMigrations(db: SqliteDb, migrations: MigrationFile[]): Check {
  return migrationCheck(migrationStatus(db, migrations));
}

function migrationCheck(status: MigrationStatus): Check {
  const problems = migrationProblems(status, { pendingIsProblem: true });
  // The app reads tables a pending migration would make, so anything but "all applied" fails.
  return problems.length === 0
    ? { status: 'ok', message: 'every migration is applied', applied: status.applied.length }
    : { status: 'failing', message: problems.join('; '), applied: status.applied.length, pending: status.pending.length };
}

function checkSearchIndex(db: SqliteDb): Check {
  try {
    const result = searchIndexCheck(db);
    // Reading still works with a broken index; search results may be wrong or fail.
    return result.ok
      ? { status: 'ok', message: 'consistent', tables: result.tables.length }
      : { status: 'degraded', message: 'the search index is inconsistent', problems: result.problems };
  } catch (error) {
    return { status: 'degraded', message: `the search index cannot be checked (${(error as { code?: string }).code ?? 'unknown error'})` };
  }
}

function checkDisk(file: string, options: HealthOptions): Check {
  const failingBelow = options.failingBelowBytes ?? 64 * MiB;
  const databaseBytes = ['', '-wal'].reduce((sum, suffix) => sum + (existsSync(file + suffix) ? statSync(file + suffix).size : 0), 0);
  const degradedBelow = Math.max(options.degradedBelowBytes ?? 1024 * MiB, 2 * databaseBytes);
  try {
    const { freeBytes } = diskSpace(path.dirname(file));
    const status: HealthStatus = freeBytes < failingBelow ? 'failing' : freeBytes < degradedBelow ? 'degraded' : 'ok';
    const message =
      status === 'ok'
        ? `${formatBytes(freeBytes)} free`
        : `${formatBytes(freeBytes)} free, ${status === 'failing' ? 'saves may fail' : 'a backup beside the database may not fit'}`;
    return { status, message, freeBytes };
  } catch (error) {
    return { status: 'degraded', message: `free space cannot be read (${(error as { code?: string }).code ?? 'unknown error'})` };
  }
}
