// What the archive copy (copy-from-sqlite.ts) requires of its PostgreSQL target: empty of archive
// rows, and with the same tables and columns as the SQLite file; and the target's column types, which
// say how each value is sent.
import 'server-only';
import type pg from 'pg';
import { isBookkeepingTable } from './bookkeeping';
import { quoteIdentifier as q, type SqliteTable } from './sqlite-tables';

export class TargetNotEmptyError extends Error {
  constructor(readonly tables: string[]) {
    super(
      `The target database already holds archive rows (in ${tables.join(', ')}): archive:migrate copies into an empty database only. Nothing was written; give a new database (CREATE DATABASE …) or empty this one.`,
    );
    this.name = 'TargetNotEmptyError';
  }
}

/** Per table, per column: PostgreSQL's data type (information_schema's data_type). */
export type ColumnTypes = Map<string, Map<string, string>>;

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

export async function columnTypes(client: pg.Client): Promise<ColumnTypes> {
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
export function requireSameShape(tables: SqliteTable[], types: ColumnTypes) {
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
