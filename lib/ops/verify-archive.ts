// Verifies a copy of the archive (a backup, or a file about to be restored): SQLite's full
// integrity check, the search index, the migrations it records, and its row counts.
import { openSync, readSync, closeSync } from 'node:fs';
import type { MigrationFile } from '@/lib/db/migrate';
import { openReadOnlyDatabase } from '@/lib/db/read-only';
import { countDifferences, integrityCheck, rowCounts, searchIndexCheck } from './integrity';
import { migrationProblems, migrationStatus, type MigrationStatus } from './migration-status';

export interface Verification {
  ok: boolean;
  problems: string[];
  counts: Record<string, number>;
  migrations: MigrationStatus | null;
}

const SQLITE_HEADER = 'SQLite format 3\0';

/** True when the file starts as every SQLite database does. */
export function looksLikeSqlite(file: string): boolean {
  const fd = openSync(file, 'r');
  try {
    const buffer = Buffer.alloc(16);
    return readSync(fd, buffer, 0, 16, 0) === 16 && buffer.toString('latin1') === SQLITE_HEADER;
  } finally {
    closeSync(fd);
  }
}

export function verifyArchive(file: string, options: { migrations: MigrationFile[]; expectedCounts?: Record<string, number> }): Verification {
  if (!looksLikeSqlite(file)) return { ok: false, problems: ['it is not a SQLite database'], counts: {}, migrations: null };
  const db = openReadOnlyDatabase(file);
  try {
    const problems: string[] = [];
    const integrity = integrityCheck(db, 'full');
    if (!integrity.ok) problems.push(...integrity.problems.map((p) => `integrity check: ${p}`));
    const migrations = migrationStatus(db, options.migrations);
    problems.push(...migrationProblems(migrations, { pendingIsProblem: false }));
    if (!migrations.recorded) return { ok: false, problems, counts: {}, migrations };
    let counts: Record<string, number> = {};
    try {
      const search = searchIndexCheck(db);
      if (!search.ok) problems.push(...search.problems.map((p) => `search index: ${p}`));
      counts = rowCounts(db);
    } catch (error) {
      problems.push(`the archive's tables cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (options.expectedCounts) problems.push(...countDifferences(options.expectedCounts, counts).map((d) => `row counts differ: ${d}`));
    return { ok: problems.length === 0, problems, counts, migrations };
  } finally {
    db.close();
  }
}
