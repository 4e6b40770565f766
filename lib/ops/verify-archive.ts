// Verifies a copy of the archive (a backup, or a file about to be restored): SQLite's full
// integrity check, the search index, the migrations it records, and its row counts.
import 'server-only';
import { openSync, readSync, closeSync } from 'node:fs';
import { type MigrationFile, openReadOnlyDatabase } from '@/lib/db';
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
  try {
    return verify(file, options);
  } catch (error) {
    // A damaged file can fail a read outright (SQLITE_CORRUPT, SQLITE_NOTADB) instead of reporting.
    const code = (error as { code?: string }).code ?? (error instanceof Error ? error.message : String(error));
    return { ok: false, problems: [`it cannot be read as a database (${code})`], counts: {}, migrations: null };
  }
}

function verify(file: string, options: { migrations: MigrationFile[]; expectedCounts?: Record<string, number> }): Verification {
  if (!looksLikeSqlite(file)) return { ok: false, problems: ['it is not a SQLite database'], counts: {}, migrations: null };
  const db = openReadOnlyDatabase(file);
  try {
    const problems: string[] = [];
    const integrity = integrityCheck(db, 'full');
    // SQLite puts several findings in one row, one a line; "*** in database main ***" only heads them.
    const findings = integrity.problems.flatMap((p) => p.split('\n')).filter((line) => line && !line.startsWith('***'));
    if (!integrity.ok) problems.push(...findings.map((p) => `integrity check: ${p}`));
    const migrations = migrationStatus(db, options.migrations);
    problems.push(...migrationProblems(migrations, { pendingIsProblem: false }));
    if (!migrations.recorded) return { ok: false, problems, counts: {}, migrations };
    let counts: Record<string, number> = {};
    try {
      const search = searchIndexCheck(db);
      // The full integrity check has run FTS5's own check already; add only what it did not say.
      const said = new Set(findings);
      if (!search.ok) problems.push(...search.problems.filter((p) => !said.has(p.replace(/^[^:]+: /, ''))).map((p) => `search index: ${p}`));
      counts = rowCounts(db);
    } catch (error) {
      problems.push(`the archive's tables cannot be read: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (options.expectedCounts) problems.push(...countDifferences(options.expectedCounts, counts).map((d) => `row counts differ: ${d}`));
    return { ok: problems.length === 0, problems: summarize(problems), counts, migrations };
  } finally {
    db.close();
  }
}

/** The first few problems, and how many more: a damaged file can list hundreds. */
function summarize(problems: string[], shown = 5): string[] {
  return problems.length <= shown ? problems : [...problems.slice(0, shown), `and ${problems.length - shown} more`];
}
