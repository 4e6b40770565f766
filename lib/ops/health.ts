// The archive's health in one report: database reachable, migrations current, search index
// consistent, disk space. Nothing in it names a file, a path or a setting: it is served publicly.
import 'server-only';
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { type MigrationFile, openReadOnlyDatabase, readMigrations, type SqliteDb } from '@/lib/db';
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

export function checkHealth(file: string, options: HealthOptions = {}): HealthReport {
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
    const checks = { database, migrations, searchIndex, disk };
    return {
      status: worst(Object.values(checks).map((c) => c.status)),
      checkedAt: (options.now ?? new Date()).toISOString(),
      checks,
    };
  } finally {
    db?.close();
  }
}

function checkMigrations(db: SqliteDb, migrations: MigrationFile[]): Check {
  const status = migrationStatus(db, migrations);
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
