// Ids stay retired across the archive copy (copy-from-sqlite.ts): PostgreSQL's sequences start past
// every id SQLite ever issued, not only past the ids still in use.
import 'server-only';
import type pg from 'pg';
import type { SqliteDb } from '../sqlite/connection';
import { quoteIdentifier as q } from './sqlite-tables';

/**
 * The highest id each AUTOINCREMENT table has ever issued (sqlite_sequence): a row deleted at the end
 * of a table keeps its id retired, and PostgreSQL must not hand it out again (a link or a citation to
 * the old row would then reach a new one).
 */
export function highestIssuedIds(source: SqliteDb): Map<string, number> {
  const hasSequences = source.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").get() !== undefined;
  const rows = hasSequences ? (source.prepare('SELECT name, seq FROM sqlite_sequence').all() as { name: string; seq: number }[]) : [];
  return new Map(rows.map((row) => [row.name, Number(row.seq)]));
}

/** Every SERIAL's sequence goes past the largest id copied or ever issued, so the next row gets a fresh one. */
export async function advanceSequences(client: pg.Client, issued: Map<string, number>) {
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
