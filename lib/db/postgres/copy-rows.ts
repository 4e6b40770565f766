// One table's rows from SQLite into PostgreSQL, for the archive copy (copy-from-sqlite.ts): read in
// primary-key order, each value as the target column's type takes it, inserted in multi-row INSERTs
// with bound values, ids kept.
import 'server-only';
import type pg from 'pg';
import type { SqliteDb } from '../sqlite/connection';
import { quoteIdentifier as q, type SqliteTable } from './sqlite-tables';

/** PostgreSQL takes at most 65,535 bound values in one statement. */
const MAX_PARAMETERS = 65_535;

/** Copies one table's rows, in primary-key order; returns the running count of rows copied. */
export async function copyTable(
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
