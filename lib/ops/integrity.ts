// Checks of a database file's health that the health endpoint, backup and restore share. All are
// reads: they run on a read-only connection and never take the write lock.
import 'server-only';
import type { SqliteDb } from '@/lib/db';

export interface CheckResult {
  ok: boolean;
  /** SQLite's own words for what is wrong (at most a few), empty when ok. */
  problems: string[];
}

const MAX_PROBLEMS = 10;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** PRAGMA integrity_check (every page, index and constraint) or quick_check (faster, skips index contents). */
export function integrityCheck(db: SqliteDb, mode: 'full' | 'quick' = 'full'): CheckResult {
  const rows = db
    .prepare(`PRAGMA ${mode === 'full' ? 'integrity_check' : 'quick_check'}(${MAX_PROBLEMS})`)
    .pluck()
    .all() as string[];
  return rows.length === 1 && rows[0] === 'ok' ? { ok: true, problems: [] } : { ok: false, problems: rows };
}

/** The FTS5 tables of the database, read from its schema, so a new index in a migration is checked too. */
export function ftsTables(db: SqliteDb): string[] {
  return (
    db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5(%' ORDER BY name").pluck().all() as string[]
  ).filter((name) => IDENTIFIER.test(name));
}

/**
 * The search index: FTS5's own integrity check of every FTS5 table, then agreement of the passage
 * indexes with Passage (which the triggers maintain).
 *
 * The FTS5 check runs as `PRAGMA integrity_check(<table>)`: since SQLite 3.44 that calls FTS5's
 * xIntegrity, the same check as `INSERT INTO t(t) VALUES('integrity-check')` (the index's internal
 * consistency: passage_fts is external content and passage_words_fts contentless),
 * but as a read. The INSERT form needs a writable connection and takes the write lock for the whole
 * check, so a health probe would queue behind editors' saves and hold them up in turn.
 * tests/integration/ops/health.test.ts proves that this form catches a corrupt index.
 */
export function searchIndexCheck(db: SqliteDb): CheckResult & { tables: string[] } {
  const tables = ftsTables(db);
  const problems: string[] = [];
  for (const table of tables) {
    const rows = db.prepare(`PRAGMA integrity_check(${table})`).pluck().all() as string[];
    if (!(rows.length === 1 && rows[0] === 'ok')) problems.push(...rows.map((row) => `${table}: ${row}`));
  }
  const count = (query: string) => db.prepare(query).pluck().get() as number;
  if (tables.includes('passage_fts')) {
    // passage_fts reads its text from Passage (external content, migration 20261202030000), so a row
    // read from it is the passage itself: which passages are indexed is told by its _docsize rows.
    // Whether the words indexed are each passage's current words only FTS5's content check can tell
    // ('integrity-check' with rank 1), a write that takes the write lock, which these read-only checks
    // never take: the triggers' tests run it (tests/integration/search/external-content.test.ts).
    const missing = count('SELECT count(*) FROM Passage p WHERE NOT EXISTS (SELECT 1 FROM passage_fts_docsize f WHERE f.id = p.id)');
    const extra = count('SELECT count(*) FROM passage_fts_docsize f WHERE NOT EXISTS (SELECT 1 FROM Passage p WHERE p.id = f.id)');
    if (missing) problems.push(`passage_fts: ${missing} passage(s) not indexed`);
    if (extra) problems.push(`passage_fts: ${extra} indexed row(s) with no passage`);
  } else {
    problems.push('passage_fts: the search index is missing');
  }
  if (tables.includes('passage_words_fts')) {
    // Contentless: only the rowids can be compared; FTS5's check above covers the index itself.
    const missing = count('SELECT count(*) FROM Passage p WHERE NOT EXISTS (SELECT 1 FROM passage_words_fts w WHERE w.rowid = p.id)');
    const extra = count('SELECT count(*) FROM passage_words_fts w WHERE NOT EXISTS (SELECT 1 FROM Passage p WHERE p.id = w.rowid)');
    if (missing) problems.push(`passage_words_fts: ${missing} passage(s) not indexed`);
    if (extra) problems.push(`passage_words_fts: ${extra} indexed row(s) with no passage`);
  }
  return { ok: problems.length === 0, problems: problems.slice(0, MAX_PROBLEMS), tables };
}

/**
 * Row counts of every ordinary table (not SQLite's own, not the FTS tables and their shadow tables,
 * which the search check covers). Run inside a read transaction for counts of one moment.
 */
export function rowCounts(db: SqliteDb): Record<string, number> {
  const fts = ftsTables(db);
  const tables = (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name",
      )
      .pluck()
      .all() as string[]
  ).filter((name) => IDENTIFIER.test(name) && !fts.some((f) => name.startsWith(`${f}_`)));
  return Object.fromEntries(tables.map((table) => [table, db.prepare(`SELECT count(*) FROM "${table}"`).pluck().get() as number]));
}

/** The names of tables whose counts differ, as "Passage: 120 in the source, 119 in the copy". */
export function countDifferences(expected: Record<string, number>, actual: Record<string, number>): string[] {
  const names = [...new Set([...Object.keys(expected), ...Object.keys(actual)])].sort();
  return names
    .filter((name) => expected[name] !== actual[name])
    .map((name) => `${name}: ${expected[name] ?? 'no table'} in the source, ${actual[name] ?? 'no table'} in the copy`);
}
