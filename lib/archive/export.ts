// The whole archive as one JSON file (format.ts), written as a stream of text chunks so that the CLI
// can write it to a file and the back office can send it, without holding it all in memory. The order
// is fixed (tables in ARCHIVE_TABLES order, records by primary key, fields in column order) and the
// file carries no export time, so the same archive always gives the same bytes.
import 'server-only';
import { openReadOnlyDatabase, type SqliteDb } from '@/lib/db';
import { ARCHIVE_FORMAT, ARCHIVE_FORMAT_VERSION, describeRecordIssue, recordSchema, type ArchiveRecord } from './format';
import { readSequences } from './sequences';
import { tablesFor, type ArchiveTable } from './tables';

export interface ArchiveProgress {
  done: number;
  total: number;
}

export interface ExportOptions {
  /** Also the accounts' password hashes and the audit log's network addresses. */
  withAccounts?: boolean;
  onProgress?: (progress: ArchiveProgress) => void;
}

export class ArchiveExportError extends Error {}

/** How often progress is reported, in records. */
const PROGRESS_EVERY = 500;

/** The archive in `file`, as chunks of the JSON file, read in one snapshot (a read transaction). */
export function* exportArchive(file: string, options: ExportOptions = {}): Generator<string> {
  const db = openReadOnlyDatabase(file);
  try {
    db.exec('BEGIN');
    yield* exportFrom(db, options);
    db.exec('COMMIT');
  } finally {
    db.close();
  }
}

function* exportFrom(db: SqliteDb, options: ExportOptions): Generator<string> {
  const withAccounts = options.withAccounts ?? false;
  const tables = tablesFor(withAccounts);
  const total = tables.reduce((sum, t) => sum + (db.prepare(`SELECT count(*) FROM "${t.table}"`).pluck().get() as number), 0);
  let done = 0;
  options.onProgress?.({ done, total });
  yield `{"format":${JSON.stringify(ARCHIVE_FORMAT)},"version":${ARCHIVE_FORMAT_VERSION},"withAccounts":${withAccounts},\n`;
  yield `"sequences":${JSON.stringify(readSequences(db))},\n`;
  for (const [i, table] of tables.entries()) {
    yield `${JSON.stringify(table.key)}:[`;
    const schema = recordSchema(table);
    let index = 0;
    for (const row of db.prepare(selectAll(table)).iterate() as Iterable<Record<string, unknown>>) {
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

function selectAll(table: ArchiveTable): string {
  const columns = table.columns.map((c) => `"${c.name}"`).join(', ');
  return `SELECT ${columns} FROM "${table.table}" ORDER BY ${table.orderBy.map((c) => `"${c}"`).join(', ')}`;
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
