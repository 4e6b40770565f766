// Checks a copy made by copySqliteToPostgres against its source: every copied table's row count on
// both sides, and a sample of passages (about 200 spread evenly over the ids, the first and the last
// among them) whose text, speaker, document and position must be identical. Anything else is a
// mismatch, listed in words for the command to print and fail on.
import 'server-only';
import pg from 'pg';
import { openReadOnlyDatabase, type SqliteDb } from '../sqlite/connection';
import { DERIVED_TABLES } from './copy-from-sqlite';
import { quoteIdentifier as q, sqliteTablesInForeignKeyOrder } from './sqlite-tables';
import { appTypes } from './values';

export interface TableCount {
  table: string;
  source: number;
  target: number;
}

export interface VerifyResult {
  counts: TableCount[];
  sampledPassages: number;
  mismatches: string[];
}

interface PassageSample {
  id: number;
  text: string;
  speakerId: number | null;
  documentId: number;
  position: number;
}

const COMPARED: (keyof PassageSample)[] = ['text', 'speakerId', 'documentId', 'position'];

/**
 * The full-text index of 20261202080100_full_text, when the target has it: one row per passage,
 * filled by its triggers during the copy. Checked so a copy that left search blind does not pass.
 */
const PASSAGE_INDEX = 'passage_fts';

export async function verifyCopy(sqliteFile: string, url: string, { sampleSize = 200 } = {}): Promise<VerifyResult> {
  const source = openReadOnlyDatabase(sqliteFile);
  const client = new pg.Client({ connectionString: url, types: appTypes });
  await client.connect();
  try {
    const counts: TableCount[] = [];
    const mismatches: string[] = [];
    for (const table of sqliteTablesInForeignKeyOrder(source).filter((t) => !DERIVED_TABLES.has(t.name))) {
      const sourceCount = (source.prepare(`SELECT count(*) AS n FROM ${q(table.name)}`).get() as { n: number }).n;
      const targetCount = await countTarget(client, table.name);
      counts.push({ table: table.name, source: sourceCount, target: targetCount ?? 0 });
      if (targetCount === null) mismatches.push(`${table.name} is missing in the target`);
      else if (targetCount !== sourceCount) mismatches.push(`${table.name}: ${sourceCount} rows in SQLite, ${targetCount} in PostgreSQL`);
    }
    const indexed = await countTarget(client, PASSAGE_INDEX);
    if (indexed !== null) {
      const passages = counts.find((count) => count.table === 'Passage')?.source ?? 0;
      counts.push({ table: `${PASSAGE_INDEX} (full-text index)`, source: passages, target: indexed });
      if (indexed !== passages) mismatches.push(`${PASSAGE_INDEX}: ${indexed} passages indexed in PostgreSQL, ${passages} passages copied`);
    }

    const ids = sampleIds(source, sampleSize);
    const wanted = new Map(readSourcePassages(source, ids).map((row) => [row.id, row]));
    const { rows } = await client.query<PassageSample>(
      `SELECT "id", "text", "speakerId", "documentId", "position" FROM "Passage" WHERE "id" = ANY($1::int[])`,
      [ids],
    );
    const found = new Map(rows.map((row) => [row.id, row]));
    for (const id of ids) {
      const expected = wanted.get(id)!;
      const actual = found.get(id);
      if (!actual) {
        mismatches.push(`passage ${id} is missing in PostgreSQL`);
        continue;
      }
      const differing = COMPARED.filter((field) => expected[field] !== actual[field]);
      if (differing.length > 0) mismatches.push(`passage ${id} differs in ${differing.join(', ')}`);
    }
    return { counts, sampledPassages: ids.length, mismatches };
  } finally {
    source.close();
    await client.end();
  }
}

/** A table's row count in the target, or null when it has no such table. */
async function countTarget(client: pg.Client, table: string): Promise<number | null> {
  const { rows } = await client.query<{ exists: boolean }>(`SELECT to_regclass($1) IS NOT NULL AS exists`, [q(table)]);
  if (!rows[0].exists) return null;
  const { rows: counted } = await client.query<{ n: number }>(`SELECT count(*) AS n FROM ${q(table)}`);
  return counted[0].n;
}

/** About `size` passage ids spread evenly over the table, the first and the last always among them. */
function sampleIds(source: SqliteDb, size: number): number[] {
  const total = (source.prepare(`SELECT count(*) AS n FROM "Passage"`).get() as { n: number }).n;
  const step = Math.max(1, Math.floor(total / Math.max(1, size)));
  const rows = source
    .prepare(
      `SELECT "id" FROM (SELECT "id", row_number() OVER (ORDER BY "id") AS n FROM "Passage")
       WHERE n = 1 OR n = ? OR (n - 1) % ? = 0 ORDER BY "id"`,
    )
    .all(total, step) as { id: number }[];
  return rows.map((row) => row.id);
}

function readSourcePassages(source: SqliteDb, ids: number[]): PassageSample[] {
  return source
    .prepare(`SELECT "id", "text", "speakerId", "documentId", "position" FROM "Passage" WHERE "id" IN (SELECT value FROM json_each(?))`)
    .all(JSON.stringify(ids)) as PassageSample[];
}
