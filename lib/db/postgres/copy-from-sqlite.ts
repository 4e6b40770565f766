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
import { copyTable } from './copy-rows';
import { advanceSequences, highestIssuedIds } from './copy-sequences';
import { columnTypes, requireSameShape, tablesWithRows, TargetNotEmptyError, type ColumnTypes } from './copy-target';
import { deferFullTextIndexes, FULL_TEXT_TRIGGERS, indexFullTextOnce } from './full-text-bulk';
import pg from 'pg';
import { openReadOnlyDatabase, type SqliteDb } from '../sqlite/connection';
import { migratePostgres } from './migrate';
import { quoteIdentifier as q, sqliteTablesInForeignKeyOrder, type SqliteTable } from './sqlite-tables';
import { appTypes } from './values';

export { TargetNotEmptyError } from './copy-target';

/**
 * Derived data the target does not take. SQLite's impact-ordered ranking lists for one-word searches
 * (lib/search/top-k, migration 20261202040000_term_impacts) are a cache over Passage that PostgreSQL's
 * search does not read (its tsvector/GIN index ranks there). Without a TermImpactBuild row the
 * target's term_impact_* triggers stay idle.
 */
export const DERIVED_TABLES: ReadonlySet<string> = new Set([
  'TermImpactBuild',
  'TermImpactList',
  'TermImpact',
  'TermImpactSample',
  'TermImpactPending',
  'TermImpactBefore',
]);

/**
 * The init migration's bookkeeping triggers (PassageEmbeddingPending, PassageEmbeddingChange,
 * TermImpactPending). The first two tables are copied as SQLite's own triggers left them (the third is
 * derived, above, and not copied), so these must not fire during the copy: inserting a Passage would mark it pending although its vectors follow, and
 * every copied vector would be logged a second time in PassageEmbeddingChange under a new seq.
 */
const BOOKKEEPING_TRIGGERS = /^(passage_embedding_|term_impact_)/;

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

function countRows(source: SqliteDb, table: string): number {
  return (source.prepare(`SELECT count(*) AS n FROM ${q(table)}`).get() as { n: number }).n;
}
