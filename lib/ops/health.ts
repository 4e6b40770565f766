// The archive's health in one report: database reachable, migrations current, search index
// consistent, disk space. Nothing in it names a file, a path, a setting or a credential: it is served
// publicly. On either engine: a SQLite file, or a PostgreSQL server (checkPostgresHealth below).
import 'server-only';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import {
  defaultPostgresMigrationsDir,
  isPostgresUrl,
  type MigrationFile,
  openReadOnlyDatabase,
  openWriter,
  readMigrations,
  type SqliteDb,
  type Writer,
} from '@/lib/db';
import { diskSpace, formatBytes } from './disk';
import { searchIndexCheck } from './integrity';
import { migrationProblems, migrationStatus } from './migration-status';

export type HealthStatus = 'ok' | 'degraded' | 'failing';

export interface Check {
  status: HealthStatus;
  message: string;
  [detail: string]: unknown;
}

export interface HealthReport {
  status: HealthStatus;
  checkedAt: string;
  checks: { database: Check; migrations: Check; searchIndex: Check; disk: Check };
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

/** `target`: databaseTarget's answer, a SQLite file's path or a PostgreSQL URL. */
export function checkHealth(target: string, options: HealthOptions = {}): HealthReport {
  return isPostgresUrl(target) ? checkPostgresHealth(target, options) : checkSqliteHealth(target, options);
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

/**
 * PostgreSQL: the same checks through a writer's synchronous connection of its own (opened and closed
 * here, so checkHealth stays synchronous on both engines and app-health's caching is unchanged; it
 * never writes, so it never takes the write lock). Its errors are reported by SQLSTATE or system
 * code only: PostgreSQL's and pg's messages can name the user, host or database.
 */
function checkPostgresHealth(url: string, options: HealthOptions): HealthReport {
  let writer: Writer | null = null;
  let database: Check;
  try {
    writer = openWriter(url, { busyTimeoutMs: 2000 });
    const documents = Number(writer.db.prepare('SELECT count(*) FROM Document').pluck().get());
    database = { status: 'ok', message: 'reachable', documents };
  } catch (error) {
    writer?.close();
    writer = null;
    database = { status: 'failing', message: `the database cannot be read (${errorCode(error)})` };
  }
  try {
    const db = writer?.db;
    const migrations = db
      ? checkMigrations(db, options.migrations ?? readMigrations(defaultPostgresMigrationsDir), 'postgresql')
      : notRun('the database cannot be read');
    const searchIndex = db ? checkPostgresSearchIndex(db) : notRun('the database cannot be read');
    // The data is on a server's disks, which this process cannot see: the server's own monitoring watches them.
    const disk: Check = { status: 'ok', message: 'not applicable: a server' };
    return report({ database, migrations, searchIndex, disk }, options);
  } finally {
    writer?.close();
  }
}

const errorCode = (error: unknown): string => (error as { code?: string }).code ?? 'unknown error';

/**
 * PostgreSQL's full-text table (passage_fts, kept by triggers from Passage) must hold one row per
 * passage. Without that table there is nothing to compare: the migrations check tells whether the
 * code expects one.
 */
function checkPostgresSearchIndex(db: SqliteDb): Check {
  try {
    const exists = db.prepare(`SELECT to_regclass('passage_fts') IS NOT NULL`).pluck().get();
    if (!exists) return { status: 'ok', message: 'no full-text table to check', tables: 0 };
    const indexed = Number(db.prepare('SELECT count(*) FROM passage_fts').pluck().get());
    const passages = Number(db.prepare('SELECT count(*) FROM Passage').pluck().get());
    return indexed === passages
      ? { status: 'ok', message: 'consistent', tables: 1 }
      : { status: 'degraded', message: 'the search index is inconsistent', problems: [`passage_fts: ${indexed} row(s) for ${passages} passage(s)`] };
  } catch (error) {
    return { status: 'degraded', message: `the search index cannot be checked (${errorCode(error)})` };
  }
}

function checkMigrations(db: SqliteDb, migrations: MigrationFile[], engine: 'sqlite' | 'postgresql' = 'sqlite'): Check {
  const status = migrationStatus(db, migrations, engine);
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
