// File steps shared by backup and restore: durable renames, and names that sort by time.
import 'server-only';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from 'node:fs';
import path from 'node:path';

/** The problem a user can act on; the scripts print its message and exit non-zero. */
export class OpsError extends Error {}

/** "20261201T192033.123Z": ISO 8601's basic form, safe in file names everywhere, sorts by time. */
export function fileTimestamp(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '');
}

function fsync(target: string) {
  const fd = openSync(target, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Flushes `from` to disk, renames it to `to` (atomic on one file system), and flushes the folder. */
export function durableRename(from: string, to: string): void {
  fsync(from);
  renameSync(from, to);
  fsync(path.dirname(to));
}

/** Removes a database file and the journal files SQLite may have made beside it. */
export function removeDatabaseFiles(file: string): void {
  for (const suffix of ['', '-journal', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}

/**
 * mkdir -p, one level at a time: Node 20's recursive mkdirSync never returns for some paths (under
 * /proc it loops forever on ENOENT), and a backup command must fail with a message instead.
 */
export function makeFolder(dir: string): void {
  const missing: string[] = [];
  for (let current = path.resolve(dir); !existsSync(current); current = path.dirname(current)) {
    missing.unshift(current);
    if (path.dirname(current) === current) break;
  }
  for (const folder of missing) mkdirSync(folder);
}
