// A consistent, verified copy of the live archive, taken while the server serves and writes.
//
// SQLite's online backup API copies pages in steps; a write by another connection between steps
// makes it start over, so under steady saves a large copy might never finish. Here the copy runs on
// a connection holding one read transaction: in WAL mode that is a fixed snapshot, writers carry on
// beside it, the backup never restarts, and the row counts taken in the same transaction are
// exactly what the copy must hold.
import 'server-only';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { makeSelfContained, type MigrationFile, openReadOnlyDatabase } from '@/lib/db';
import { backupTarget } from './backup-target';
import { durableRename, OpsError, removeDatabaseFiles } from './files';
import { rowCounts } from './integrity';
import { verifyArchive, type Verification } from './verify-archive';

export const BACKUP_NAME = /^archive-\d{8}T\d{6}\.\d{3}Z\.db$/;
const PARTIAL_NAME = /^\.archive-.+\.partial-(\d+)$/;

export interface BackupOptions {
  /** The live database file. */
  source: string;
  /** The folder of backups; made when missing. */
  dir: string;
  /** How many backups to keep, this one included. */
  keep: number;
  migrations: MigrationFile[];
  /** Called after each step of the copy. */
  onProgress?: (copiedPages: number, totalPages: number) => void;
  /** Pages copied per step (default: a hundredth of the file, at least 100). */
  pagesPerStep?: number;
  now?: Date;
}

export interface BackupResult {
  file: string;
  bytes: number;
  /** Row counts of the source at the moment of the copy, which the copy was checked against. */
  counts: Record<string, number>;
  verification: Verification;
  removed: string[];
}

export async function backupDatabase(options: BackupOptions): Promise<BackupResult> {
  if (!existsSync(options.source)) throw new OpsError(`there is no database at ${options.source}`);
  const { dir, file, partial } = backupTarget(options, 'db');
  if (!statSync(dir).isDirectory()) throw new OpsError(`${dir} is not a folder`);
  removeAbandonedPartials(dir);
  const cleanUp = () => removeDatabaseFiles(partial);
  const onSignal = (signal: NodeJS.Signals) => {
    cleanUp();
    process.exit(signal === 'SIGINT' ? 130 : 143);
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    const counts = await copySnapshot(options, partial);
    // The copy keeps the source's WAL mode; a backup is one self-contained file instead.
    makeSelfContained(partial);
    const verification = verifyArchive(partial, { migrations: options.migrations, expectedCounts: counts });
    if (!verification.ok) throw new OpsError(`the copy failed verification, so it was not kept: ${verification.problems.join('; ')}`);
    durableRename(partial, file);
    return { file, bytes: statSync(file).size, counts, verification, removed: pruneBackups(dir, options.keep) };
  } catch (error) {
    cleanUp();
    throw error;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
}

async function copySnapshot(options: BackupOptions, partial: string): Promise<Record<string, number>> {
  const source = openReadOnlyDatabase(options.source);
  try {
    source.exec('BEGIN');
    // The first read fixes the snapshot that the counts and the copy both see.
    const counts = rowCounts(source);
    await source.backup(partial, {
      progress: ({ totalPages, remainingPages }) => {
        options.onProgress?.(totalPages - remainingPages, totalPages);
        return options.pagesPerStep ?? Math.max(100, Math.ceil(totalPages / 100));
      },
    });
    const total = source.prepare('PRAGMA page_count').pluck().get() as number;
    options.onProgress?.(total, total);
    source.exec('COMMIT');
    return counts;
  } finally {
    source.close();
  }
}

/** Keeps the newest `keep` backups (by the time in their names) and removes the rest. */
export function pruneBackups(dir: string, keep: number): string[] {
  const backups = readdirSync(dir)
    .filter((entry) => BACKUP_NAME.test(entry))
    .sort();
  const removed = backups.slice(0, Math.max(0, backups.length - keep));
  for (const entry of removed) removeDatabaseFiles(path.join(dir, entry));
  return removed;
}

/** Partial copies left by a backup that was killed (its process is gone), never one still running. */
function removeAbandonedPartials(dir: string): void {
  for (const entry of readdirSync(dir)) {
    const match = PARTIAL_NAME.exec(entry);
    if (match && !processAlive(Number(match[1]))) removeDatabaseFiles(path.join(dir, entry));
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM';
  }
}
