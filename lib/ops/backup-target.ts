// Where a new backup is written, the same for SQLite's file copy and PostgreSQL's pg_dump: the folder
// is made when missing and checked writable before any work, the final name sorts by time and is
// never overwritten, and the copy is made under a partial name no one mistakes for a backup.
import 'server-only';
import { accessSync, constants, existsSync } from 'node:fs';
import path from 'node:path';
import { fileTimestamp, makeFolder, OpsError } from './files';

export interface BackupTarget {
  /** The folder of backups, absolute. */
  dir: string;
  /** The backup's final path, taken by a rename once the copy is verified. */
  file: string;
  /** The path the copy is written to first. */
  partial: string;
}

/** Checks `keep` and the folder; refuses a name already taken. `extension` is `db` or `pgdump`. */
export function backupTarget(options: { dir: string; keep: number; now?: Date }, extension: string): BackupTarget {
  if (!Number.isInteger(options.keep) || options.keep < 1) throw new OpsError('--keep must be a whole number of at least 1');
  const dir = writableFolder(options.dir);
  const name = `archive-${fileTimestamp(options.now ?? new Date())}.${extension}`;
  const file = path.join(dir, name);
  if (existsSync(file)) throw new OpsError(`${file} exists already; nothing was written`);
  return { dir, file, partial: path.join(dir, `.${name}.partial-${process.pid}`) };
}

function writableFolder(folder: string): string {
  const dir = path.resolve(folder);
  try {
    makeFolder(dir);
    accessSync(dir, constants.W_OK);
  } catch (error) {
    throw new OpsError(`cannot write backups to ${dir} (${(error as { code?: string }).code ?? String(error)})`);
  }
  return dir;
}
