// Puts a backup in place of the live database: verified first, never over a database in use, the
// current file kept as a safety copy, and the swap one atomic rename.
import 'server-only';
import { copyFileSync, existsSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { DatabaseInUseError, holdExclusively, makeSelfContained, type MigrationFile, openDatabase } from '@/lib/db';
import { durableRename, fileTimestamp, makeFolder, OpsError, removeDatabaseFiles } from './files';
import { integrityCheck } from './integrity';
import { looksLikeSqlite, verifyArchive, type Verification } from './verify-archive';

export interface RestoreOptions {
  /** The backup to restore. */
  backup: string;
  /** The live database file to replace. */
  target: string;
  migrations: MigrationFile[];
  now?: Date;
}

export interface RestoreResult {
  /** The database as it was before, or null when there was none. */
  safetyCopy: string | null;
  verification: Verification;
  /** Migrations of this code the backup lacks: the next start applies them. */
  pending: string[];
}

export async function restoreDatabase(options: RestoreOptions): Promise<RestoreResult> {
  const backup = path.resolve(options.backup);
  const target = path.resolve(options.target);
  if (!existsSync(backup) || !statSync(backup).isFile()) throw new OpsError(`there is no file at ${backup}`);
  if (existsSync(target) && realpathSync(backup) === realpathSync(target)) throw new OpsError('that is the live database itself, not a backup');
  if (!looksLikeSqlite(backup)) throw new OpsError(`${backup} is not a SQLite database`);

  makeFolder(path.dirname(target));
  // The candidate is copied beside the target first (same file system, so the final rename is
  // atomic) and verified there; the backup file itself is only ever read.
  const candidate = path.join(path.dirname(target), `.${path.basename(target)}.restore.partial-${process.pid}`);
  try {
    copyBackup(backup, candidate);
    const verification = verifyArchive(candidate, { migrations: options.migrations });
    if (!verification.ok) throw new OpsError(`${backup} failed verification: ${verification.problems.join('; ')}`);

    let safetyCopy: string | null = null;
    if (existsSync(target)) {
      let hold;
      try {
        hold = holdExclusively(target);
      } catch (error) {
        if (error instanceof DatabaseInUseError) throw new OpsError(error.message);
        throw error;
      }
      try {
        // Under the exclusive lock and without a WAL, the file is the whole database, unchanging.
        safetyCopy = path.join(path.dirname(target), `${path.basename(target, '.db')}.before-restore-${fileTimestamp(options.now ?? new Date())}.db`);
        copyFileSync(target, safetyCopy);
        durableRename(candidate, target);
      } finally {
        hold.release();
      }
    } else {
      durableRename(candidate, target);
    }
    // Back to WAL, as every connection of the app expects, and a last look at the file in place.
    const db = openDatabase(target);
    try {
      const check = integrityCheck(db, 'quick');
      if (!check.ok) throw new OpsError(`the restored database fails its check: ${check.problems.join('; ')}; the previous one is at ${safetyCopy}`);
    } finally {
      db.close();
    }
    return { safetyCopy, verification, pending: verification.migrations?.pending ?? [] };
  } finally {
    removeDatabaseFiles(candidate);
  }
}

/**
 * Copies the backup's bytes (and its -wal, if one lies beside it) without opening it: even a
 * read-only SQLite connection would leave -wal and -shm files beside a WAL-mode file. SQLite then
 * opens only the copy, folding any WAL into it.
 */
function copyBackup(from: string, to: string): void {
  removeDatabaseFiles(to);
  copyFileSync(from, to);
  if (existsSync(`${from}-wal`)) copyFileSync(`${from}-wal`, `${to}-wal`);
  try {
    makeSelfContained(to);
  } catch (error) {
    throw new OpsError(`${from} cannot be read as a database (${(error as { code?: string }).code ?? String(error)})`);
  }
}
