// The whole archive as one JSON file (format.ts), written as a stream of text chunks so that the CLI
// can write it to a file and the back office can send it, without holding it all in memory. The order
// is fixed (tables in ARCHIVE_TABLES order, records by primary key, fields in column order) and the
// file carries no export time, so the same archive always gives the same bytes.
//
// On either engine: a SQLite file is read on a read-only connection; a PostgreSQL database through a
// writer's synchronous connection of its own (the same prepare/get/iterate API, never writing), in one
// REPEATABLE READ transaction, so both exports read one moment. PostgreSQL's values come back as
// SQLite's do (0/1 booleans, times as ISO text, numbers), so the same archive gives the same bytes on
// both (tests/integration/archive/postgres-round-trip.test.ts).
import 'server-only';
import { isPostgresUrl, openReadOnlyDatabase, openWriter, type SqliteDb } from '@/lib/db';
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, describeRecordIssue, recordSchema, type ArchiveRecord } from './format';
import { readSequences, type Engine } from './sequences';
import { tablesFor, type ArchiveTable } from './tables';

export interface ArchiveProgress {
  done: number;
  total: number;
}

export interface ExportOptions {
  /** Also the accounts' password hashes and the audit log's network addresses. */
  withAccounts?: boolean;
  onProgress?: (progress: ArchiveProgress) => void;
  /** PostgreSQL: rows read per page (default PAGE_ROWS); small in tests, to read several pages. */
  pageRows?: number;
}

export class ArchiveExportError extends Error {}

/** How often progress is reported, in records. */
const PROGRESS_EVERY = 500;

/** PostgreSQL's rows are read a page at a time (its connection fetches whole results): a big table is never held whole. */
const PAGE_ROWS = 1000;

/**
 * The archive in `target` (databaseTarget's answer: a SQLite file's path or a PostgreSQL URL), as
 * chunks of the JSON file, read in one snapshot (a read transaction).
 */
export function* exportArchive(target: string, options: ExportOptions = {}): Generator<string> {
  if (isPostgresUrl(target)) {
    const writer = openWriter(target);
    try {
      // Never through write(): an export takes no write lock. Closing the connection ends the transaction.
      writer.db.exec('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY');
      yield* exportFrom(writer.db, options, 'postgresql');
      writer.db.exec('COMMIT');
    } finally {
      writer.close();
    }
    return;
  }
  const db = openReadOnlyDatabase(target);
  try {
    db.exec('BEGIN');
    yield* exportFrom(db, options, 'sqlite');
    db.exec('COMMIT');
  } finally {
    db.close();
  }
}

function* exportFrom(db: SqliteDb, options: ExportOptions, engine: Engine): Generator<string> {
  const withAccounts = options.withAccounts ?? false;
  const tables = tablesFor(withAccounts);
  const total = tables.reduce((sum, t) => sum + (db.prepare(`SELECT count(*) FROM "${t.table}"`).pluck().get() as number), 0);
  let done = 0;
  options.onProgress?.({ done, total });
  yield `{"format":${JSON.stringify(ARCHIVE_FORMAT)},"version":${ARCHIVE_FORMAT_VERSION},"withAccounts":${withAccounts},\n`;
  yield `"sequences":${JSON.stringify(readSequences(db, engine))},\n`;
  for (const [i, table] of tables.entries()) {
    yield `${JSON.stringify(table.key)}:[`;
    const schema = recordSchema(table);
    let index = 0;
    for (const row of engine === 'postgresql'
      ? pagesOf(db, table, options.pageRows ?? PAGE_ROWS)
      : (db.prepare(selectAll(table)).iterate() as Iterable<Record<string, unknown>>)) {
      const record = toRecord(table, row, withAccounts);
      // What we write must read back: a value the file's schema refuses stops the export here.
      const checked = schema.safeParse(record);
      if (!checked.success) {
        throw new ArchiveExportError(`Cannot export ${describeRecordIssue(table.key, index, record, checked.error.issues[0])}`);
      }
      yield `${index === 0 ? '\n' : ',\n'}${JSON.stringify(record)}`;
      index += 1;
      done += 1;
      if (done % PROGRESS_EVERY === 0) options.onProgress?.({ done, total });
    }
    yield `${index === 0 ? '' : '\n'}]${i === tables.length - 1 ? '}' : ','}\n`;
  }
  options.onProgress?.({ done, total });
}

/** A table's rows in key order, `pageRows` at a time, each page after the last key of the one before. */
function* pagesOf(db: SqliteDb, table: ArchiveTable, pageRows: number): Generator<Record<string, unknown>> {
  const first = db.prepare(`${selectAll(table, '', 'postgresql')} LIMIT ${pageRows}`);
  const isText = (name: string) => table.columns.find((c) => c.name === name)?.type.kind !== 'int';
  const key = table.orderBy.map((c) => (isText(c) ? `"${c}"::text COLLATE "C"` : `"${c}"`)).join(', ');
  const values = table.orderBy.map((c) => (isText(c) ? `?::text COLLATE "C"` : '?')).join(', ');
  const next = db.prepare(`${selectAll(table, `WHERE (${key}) > (${values})`, 'postgresql')} LIMIT ${pageRows}`);
  let page = first.all() as Record<string, unknown>[];
  while (page.length > 0) {
    yield* page;
    if (page.length < pageRows) return;
    const last = page[page.length - 1]!;
    page = next.all(...table.orderBy.map((c) => last[c])) as Record<string, unknown>[];
  }
}

/**
 * On PostgreSQL, text keys (enums too, which would otherwise sort in declaration order) are ordered
 * as text byte by byte (COLLATE "C"), as SQLite's BINARY collation orders them, whatever the
 * database's locale: the records come out in the same order on both.
 */
function selectAll(table: ArchiveTable, where = '', engine: Engine = 'sqlite'): string {
  const columns = table.columns.map((c) => `"${c.name}"`).join(', ');
  const isText = (name: string) => table.columns.find((c) => c.name === name)?.type.kind !== 'int';
  const order = table.orderBy.map((c) => (engine === 'postgresql' && isText(c) ? `"${c}"::text COLLATE "C"` : `"${c}"`)).join(', ');
  return `SELECT ${columns} FROM "${table.table}" ${where ? `${where} ` : ''}ORDER BY ${order}`;
}

/** A row as the file writes it: booleans as true/false, account-only fields left out unless asked for. */
function toRecord(table: ArchiveTable, row: Record<string, unknown>, withAccounts: boolean): ArchiveRecord {
  const record: ArchiveRecord = {};
  for (const column of table.columns) {
    const value = row[column.name];
    if (column.accountsOnly && !withAccounts) record[column.name] = null;
    else if (column.type.kind === 'bool' && (value === 0 || value === 1)) record[column.name] = value === 1;
    else record[column.name] = value as ArchiveRecord[string];
  }
  return record;
}
