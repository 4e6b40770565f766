// Copies a whole archive from a SQLite file into an empty PostgreSQL database (`npm run
// archive:migrate`, issue 13): the target is migrated, then every table of the Prisma models is
// copied in foreign-key order, in multi-row INSERTs with bound values, ids kept, then indexed for
// full-text search in one pass (full-text-bulk.ts), all in ONE transaction, so a failure leaves the
// target's tables empty (migrated, since migratePostgres commits on its own:
// running the command again after the fix is all it takes). The SQLite file is read in one read
// transaction, so the copy is one moment of it even if the app is still writing (stop it anyway:
// what it writes afterwards is not copied, and the verification would then report the difference).
import 'server-only';
import { isBookkeepingTable } from './bookkeeping';
import { deferFullTextIndexes, FULL_TEXT_TRIGGERS, indexFullTextOnce } from './full-text-bulk';
import pg from 'pg';
import { openReadOnlyDatabase, type SqliteDb } from '../sqlite/connection';
import { migratePostgres } from './migrate';
import { quoteIdentifier as q, sqliteTablesInForeignKeyOrder, type SqliteTable } from './sqlite-tables';
import { appTypes } from './values';

/**
 * Derived data the target does not take. SQLite's impact-ordered ranking lists for one-word searches
 * (lib/search/top-k, migration 20261202040000_term_impacts) are a cache over Passage that PostgreSQL's
 * search does not read (its tsvector/GIN index ranks there). Without a TermImpactBuild row the
 * target's term_impact_* triggers stay idle.
 */
export const DERIVED_TABLES: ReadonlySet<string> = new Set(['TermImpactBuild', 'TermImpactList', 'TermImpact', 'TermImpactPending']);

/**
 * The init migration's bookkeeping triggers (PassageEmbeddingPending, PassageEmbeddingChange,
 * TermImpactPending). Those tables are copied as SQLite's own triggers left them, so these must not
 * fire during the copy: inserting a Passage would mark it pending although its vectors follow, and
 * every copied vector would be logged a second time in PassageEmbeddingChange under a new seq.
 */
const BOOKKEEPING_TRIGGERS = /^(passage_embedding_|term_impact_)/;

/** PostgreSQL takes at most 65,535 bound values in one statement. */
const MAX_PARAMETERS = 65_535;

export interface CopyProgress {
  table: string;
  /** Rows copied so far, over all tables. */
  done: number;
  total: number;
}

export interface CopyOptions {
  batchSize?: number;
  /** The PostgreSQL migrations to apply first (prisma/postgresql/migrations). */
  migrationsDir?: string;
  onProgress?: (progress: CopyProgress) => void;
  /** Called once every row is in, as the full-text indexing starts (minutes for millions of passages). */
  onIndexing?: () => void;
  /**
   * How the full-text indexes are filled: once after the rows ('bulk', the default), or by the
   * migration's triggers as the rows arrive ('triggers': many times slower, the reference the tests
   * hold the bulk path to).
   */
  indexBy?: 'bulk' | 'triggers';
}

export interface CopyResult {
  tables: { table: string; rows: number }[];
  /** Derived tables left for the target to rebuild (DERIVED_TABLES present in the source). */
  skipped: string[];
}

export class TargetNotEmptyError extends Error {
  constructor(readonly tables: string[]) {
    super(
      `The target database already holds archive rows (in ${tables.join(', ')}): archive:migrate copies into an empty database only. Nothing was written; give a new database (CREATE DATABASE …) or empty this one.`,
    );
    this.name = 'TargetNotEmptyError';
  }
}

type ColumnTypes = Map<string, Map<string, string>>;

export async function copySqliteToPostgres(sqliteFile: string, url: string, options: CopyOptions = {}): Promise<CopyResult> {
  const source = openReadOnlyDatabase(sqliteFile);
  const client = new pg.Client({ connectionString: url, types: appTypes });
  await client.connect();
  try {
    // Refused before migrating, so a wrong address (a live database) is not even migrated.
    const holding = await tablesWithRows(client);
    if (holding.length > 0) throw new TargetNotEmptyError(holding);
    await migratePostgres(url, options.migrationsDir);

    const all = sqliteTablesInForeignKeyOrder(source);
    const tables = all.filter((table) => !DERIVED_TABLES.has(table.name));
    const skipped = all.filter((table) => DERIVED_TABLES.has(table.name)).map((table) => table.name);
    const types = await columnTypes(client);
    requireSameShape(tables, types);

    source.exec('BEGIN');
    try {
      const counts = tables.map((table) => countRows(source, table.name));
      const total = counts.reduce((sum, n) => sum + n, 0);
      await client.query('BEGIN');
      try {
        await copyInTransaction(client, source, tables, types, total, options);
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
      return { tables: tables.map((table, i) => ({ table: table.name, rows: counts[i] })), skipped };
    } finally {
      source.exec('COMMIT');
    }
  } finally {
    source.close();
    await client.end();
  }
}

async function copyInTransaction(client: pg.Client, source: SqliteDb, tables: SqliteTable[], types: ColumnTypes, total: number, options: CopyOptions) {
  // Timestamps written without an offset (SQLite's CURRENT_TIMESTAMP) are UTC, as SQLite means them.
  await client.query(`SET LOCAL TIME ZONE 'UTC'`);
  // No one else writes while the copy runs (readers may read); then the emptiness check again, now
  // that it cannot change under us.
  const targetTables = [...types.keys()].filter((name) => !isBookkeepingTable(name));
  if (targetTables.length > 0) await client.query(`LOCK TABLE ${targetTables.map(q).join(', ')} IN SHARE ROW EXCLUSIVE MODE`);
  const holding = await tablesWithRows(client);
  if (holding.length > 0) throw new TargetNotEmptyError(holding);

  // ALTER TABLE … DISABLE TRIGGER is transactional: a rollback turns them on again too.
  const { rows: triggers } = await client.query<{ table: string; trigger: string }>(
    `SELECT c.relname AS table, t.tgname AS trigger FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid
     WHERE c.relnamespace = current_schema()::regnamespace AND NOT t.tgisinternal AND t.tgenabled <> 'D'`,
  );
  // Indexing in bulk (the default), the full-text triggers (20261202080100_full_text) are off too and
  // their tables filled once after the rows (full-text-bulk.ts; their secondary indexes are dropped
  // until then, so readers of the target wait for the commit). Triggers of any other name stay on
  // and see the copy's inserts as the app's, parents first.
  const bulk = (options.indexBy ?? 'bulk') === 'bulk';
  const quiet = triggers.filter((row) => BOOKKEEPING_TRIGGERS.test(row.trigger) || (bulk && FULL_TEXT_TRIGGERS.test(row.trigger)));
  const fullText = quiet.some((row) => FULL_TEXT_TRIGGERS.test(row.trigger));
  for (const { table, trigger } of quiet) await client.query(`ALTER TABLE ${q(table)} DISABLE TRIGGER ${q(trigger)}`);
  const deferred = fullText ? await deferFullTextIndexes(client) : [];

  let done = 0;
  for (const table of tables) {
    try {
      const report = (n: number) => options.onProgress?.({ table: table.name, done: n, total });
      done = await copyTable(client, source, table, types.get(table.name)!, options.batchSize ?? 500, report, done);
    } catch (error) {
      throw new Error(`Copying ${table.name} failed, so nothing was copied: ${(error as Error).message}`, { cause: error });
    }
  }

  if (fullText) {
    options.onIndexing?.();
    try {
      await indexFullTextOnce(client, deferred);
    } catch (error) {
      throw new Error(`Indexing the copy for full-text search failed, so nothing was copied: ${(error as Error).message}`, { cause: error });
    }
  }
  for (const { table, trigger } of quiet) await client.query(`ALTER TABLE ${q(table)} ENABLE TRIGGER ${q(trigger)}`);
  await advanceSequences(client, highestIssuedIds(source));
}

/** Copies one table's rows, in primary-key order; returns the running count of rows copied. */
async function copyTable(
  client: pg.Client,
  source: SqliteDb,
  table: SqliteTable,
  types: Map<string, string>,
  batchSize: number,
  report: (done: number) => void,
  doneBefore: number,
): Promise<number> {
  const columns = table.columns;
  const columnTypes = columns.map((column) => types.get(column)!);
  const perBatch = Math.max(1, Math.min(batchSize, Math.floor(MAX_PARAMETERS / columns.length)));
  const order = table.primaryKey.length > 0 ? table.primaryKey.map(q).join(', ') : 'rowid';
  // safeIntegers: 64-bit integers (millisecond timestamps, big ids) arrive whole, as bigint.
  const select = source
    .prepare(`SELECT ${columns.map(q).join(', ')} FROM ${q(table.name)} ORDER BY ${order}`)
    .raw(true)
    .safeIntegers(true);

  // A row pointing at a row of its own table that comes later in key order (a topic re-parented under
  // a newer one) goes in without that reference, set once the whole table is in: PostgreSQL checks
  // each INSERT's foreign keys when the statement ends.
  const key = table.primaryKey.length === 1 ? columns.indexOf(table.primaryKey[0]) : -1;
  const forward = table.selfReferences.filter((ref) => key >= 0 && ref.references === table.primaryKey[0]).map((ref) => columns.indexOf(ref.column));
  const later: { column: string; value: unknown; key: unknown }[] = [];

  let batch: unknown[][] = [];
  let done = doneBefore;
  const flush = async () => {
    if (batch.length === 0) return;
    await insertRows(client, table.name, columns, columnTypes, batch);
    done += batch.length;
    batch = [];
    report(done);
  };
  for (const raw of select.iterate() as Iterable<unknown[]>) {
    const row = raw.map((value, i) => toPostgresValue(value, columnTypes[i]));
    for (const index of forward) {
      const value = raw[index];
      if (value !== null && (value as bigint) > (raw[key] as bigint)) {
        later.push({ column: columns[index], value: row[index], key: row[key] });
        row[index] = null;
      }
    }
    batch.push(row);
    if (batch.length >= perBatch) await flush();
  }
  await flush();
  for (const { column, value, key: id } of later) {
    await client.query(`UPDATE ${q(table.name)} SET ${q(column)} = $1 WHERE ${q(table.primaryKey[0])} = $2`, [value, id]);
  }
  return done;
}

async function insertRows(client: pg.Client, table: string, columns: string[], types: string[], rows: unknown[][]) {
  const values: unknown[] = [];
  const tuples = rows.map((row) => {
    const slots = row.map((value, i) => {
      values.push(value);
      return placeholder(values.length, types[i]);
    });
    return `(${slots.join(', ')})`;
  });
  await client.query(`INSERT INTO ${q(table)} (${columns.map(q).join(', ')}) VALUES ${tuples.join(', ')}`, values);
}

/**
 * SQLite keeps a DateTime as ISO text with an offset ("…T16:14:09.233+00:00"), as text without one,
 * or as milliseconds; a `timestamp` column would silently drop an offset, so the text is read as a
 * timestamptz and turned into UTC's wall-clock time, which is what Prisma stores there.
 */
function placeholder(n: number, type: string): string {
  if (type === 'timestamp without time zone') return `($${n}::timestamptz AT TIME ZONE 'UTC')`;
  if (type === 'timestamp with time zone') return `$${n}::timestamptz`;
  return `$${n}`;
}

/** A SQLite value as the target column's type takes it (enums, JSON and text go as text). */
export function toPostgresValue(value: unknown, type: string): unknown {
  if (value === null || value === undefined) return null;
  if (type === 'boolean') return typeof value === 'string' ? value === 'true' || value === '1' : Number(value) !== 0;
  if (type.startsWith('timestamp') && (typeof value === 'bigint' || typeof value === 'number')) return new Date(Number(value)).toISOString();
  if (typeof value === 'bigint') return value.toString();
  return value;
}

function countRows(source: SqliteDb, table: string): number {
  return (source.prepare(`SELECT count(*) AS n FROM ${q(table)}`).get() as { n: number }).n;
}

/** The target's tables that hold at least one row (bookkeeping aside: bookkeeping.ts). */
export async function tablesWithRows(client: pg.Client): Promise<string[]> {
  const { rows } = await client.query<{ name: string }>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename`);
  const holding: string[] = [];
  for (const { name } of rows) {
    if (isBookkeepingTable(name)) continue;
    const { rows: found } = await client.query(`SELECT 1 FROM ${q(name)} LIMIT 1`);
    if (found.length > 0) holding.push(name);
  }
  return holding;
}

async function columnTypes(client: pg.Client): Promise<ColumnTypes> {
  const { rows } = await client.query<{ table: string; column: string; type: string }>(
    `SELECT table_name AS table, column_name AS column, data_type AS type FROM information_schema.columns WHERE table_schema = current_schema()`,
  );
  const types: ColumnTypes = new Map();
  for (const { table, column, type } of rows) {
    if (!types.has(table)) types.set(table, new Map());
    types.get(table)!.set(column, type);
  }
  return types;
}

/** Both sides must have the same tables and columns: a SQLite file behind on migrations is refused. */
function requireSameShape(tables: SqliteTable[], types: ColumnTypes) {
  const problems: string[] = [];
  for (const table of tables) {
    const target = types.get(table.name);
    if (!target) {
      problems.push(`table ${table.name} is not in PostgreSQL's schema`);
      continue;
    }
    const missing = table.columns.filter((column) => !target.has(column));
    const extra = [...target.keys()].filter((column) => !table.columns.includes(column));
    if (missing.length > 0) problems.push(`${table.name}.${missing.join(', ')} not in PostgreSQL's schema`);
    if (extra.length > 0) problems.push(`${table.name}.${extra.join(', ')} not in the SQLite file`);
  }
  if (problems.length > 0) {
    throw new Error(
      `The SQLite file and PostgreSQL's schema differ (${problems.join('; ')}): migrate the SQLite file first (DATABASE_URL=file:… npm run db:migrate). Nothing was copied.`,
    );
  }
}

/**
 * The highest id each AUTOINCREMENT table has ever issued (sqlite_sequence): a row deleted at the end
 * of a table keeps its id retired, and PostgreSQL must not hand it out again (a link or a citation to
 * the old row would then reach a new one).
 */
function highestIssuedIds(source: SqliteDb): Map<string, number> {
  const hasSequences = source.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").get() !== undefined;
  const rows = hasSequences ? (source.prepare('SELECT name, seq FROM sqlite_sequence').all() as { name: string; seq: number }[]) : [];
  return new Map(rows.map((row) => [row.name, Number(row.seq)]));
}

/** Every SERIAL's sequence goes past the largest id copied or ever issued, so the next row gets a fresh one. */
async function advanceSequences(client: pg.Client, issued: Map<string, number>) {
  const { rows } = await client.query<{ table: string; column: string; sequence: string }>(
    `SELECT table_name AS table, column_name AS column, pg_get_serial_sequence(quote_ident(table_name), column_name) AS sequence
     FROM information_schema.columns WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`,
  );
  for (const { table, column, sequence } of rows) {
    if (!sequence) continue;
    await client.query(`SELECT setval($1, greatest(COALESCE((SELECT max(${q(column)}) FROM ${q(table)}), 0), $2) + 1, false)`, [
      sequence,
      issued.get(table) ?? 0,
    ]);
  }
}
