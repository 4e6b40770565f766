// Loading an archive file (format.ts) into an empty database: the whole file is read and checked
// first, then every record is inserted in one transaction on the writer, with its ids, versions,
// revisions and audit entries exactly as they were, so exporting again gives the same bytes. No
// revision or audit entry is added for the import itself, for the same reason: it brings an archive's
// history back, it does not make any. Any refusal (a bad record, a database that is not empty, a
// broken reference) rolls everything back.
//
// On PostgreSQL (a writer on a PostgreSQL URL) the same records go in the same way, with three
// differences of the engine: its foreign keys are not DEFERRABLE, so a reference to a later row of the
// same table (a topic re-parented under a newer one, an answer before its question) is inserted empty
// and set once its row is in; the full-text triggers index row by row (bulkLoadPassages is SQLite's
// FTS5 rebuild); and a reference to a row the archive lacks is refused by the insert itself, named
// from PostgreSQL's detail.
import 'server-only';
import { bulkLoadPassages, isPostgresUrl, type WriteDb, type Writer } from '@/lib/db';
import { ARCHIVE_TABLES, SEQUENCED_TABLES, tablesFor, type ArchiveTable } from './tables';
import { archiveFileSchema, archiveHeaderSchema, describeIssue, describeRecordIssue, type ArchiveRecord } from './format';
import { writeSequences, type Sequences } from './sequences';
import type { ArchiveProgress } from './export';

export class ArchiveImportError extends Error {}

export interface ParsedArchive {
  withAccounts: boolean;
  sequences: Sequences;
  tables: { table: ArchiveTable; records: ArchiveRecord[] }[];
}

/** Reads and checks a whole archive file; throws ArchiveImportError naming the first problem. */
export function parseArchive(text: string): ParsedArchive {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new ArchiveImportError(`The file is not valid JSON (is it cut short?): ${(error as Error).message}`);
  }
  const header = archiveHeaderSchema.safeParse(json);
  if (!header.success) throw new ArchiveImportError(`Not an archive this version can read: ${describeIssue(json, header.error.issues[0])}`);
  const parsed = archiveFileSchema.safeParse(json);
  if (!parsed.success) throw new ArchiveImportError(`The archive has a bad record: ${describeIssue(json, parsed.error.issues[0])}`);
  const file = parsed.data as unknown as Record<string, unknown> & { withAccounts: boolean; sequences: Sequences };
  const tables = tablesFor(file.withAccounts).map((table) => ({ table, records: (file[table.key] as ArchiveRecord[] | undefined) ?? [] }));
  for (const { table, records } of tables) {
    if (!(SEQUENCED_TABLES as readonly string[]).includes(table.table)) continue;
    const highest = records.reduce((max, r) => Math.max(max, r.id as number), 0);
    const sequence = file.sequences[table.table as keyof Sequences];
    if (sequence < highest) throw new ArchiveImportError(`sequences.${table.table}: ${sequence} is below the highest id in ${table.key} (${highest}).`);
  }
  return { withAccounts: file.withAccounts, sequences: file.sequences, tables };
}

/** What is in the database already, by table, or null when every table the archive fills is empty. */
function contentsOf(db: WriteDb): string | null {
  const found = ARCHIVE_TABLES.flatMap((t) => {
    const count = db.prepare(`SELECT count(*) FROM "${t.table}"`).pluck().get() as number;
    return count > 0 ? [`${count} ${t.key}`] : [];
  });
  return found.length > 0 ? found.join(', ') : null;
}

export interface ImportReport {
  records: number;
  counts: Record<string, number>;
}

/** Loads a checked archive into the writer's database, which must be migrated and empty. */
export function loadArchive(writer: Writer, archive: ParsedArchive, options: { onProgress?: (p: ArchiveProgress) => void } = {}): ImportReport {
  const total = archive.tables.reduce((sum, t) => sum + t.records.length, 0);
  let done = 0;
  const engine = isPostgresUrl(writer.file) ? 'postgresql' : 'sqlite';
  const report = writer.write((db) => {
    const existing = contentsOf(db);
    if (existing) throw new ArchiveImportError(`The database is not empty (it holds ${existing}): an archive is imported only into a new, empty database.`);
    // Parents may come after their children (a topic's parent, the question an answer answers):
    // references are checked once, at the end, and named (below) before COMMIT would refuse them.
    db.pragma('defer_foreign_keys = ON');
    options.onProgress?.({ done, total });
    // The passages' full-text indexes are built once at the end instead of row by row (SQLite).
    const bulk = engine === 'postgresql' ? (load: () => void) => load() : (load: () => void) => bulkLoadPassages(db, load);
    bulk(() => {
      for (const { table, records } of archive.tables) {
        if (engine === 'postgresql') {
          done = insertPostgres(db, table, records, done, total, options.onProgress);
          continue;
        }
        const columns = table.columns.map((c) => c.name);
        const insert = db.prepare(`INSERT INTO "${table.table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
        for (const [index, record] of records.entries()) {
          try {
            insert.run(...table.columns.map((c) => (c.type.kind === 'bool' ? (record[c.name] ? 1 : 0) : record[c.name])));
          } catch (error) {
            throw new ArchiveImportError(
              `The archive has a bad record: ${describeRecordIssue(table.key, index, record, { path: [], message: (error as Error).message })}`,
            );
          }
          done += 1;
          if (done % 500 === 0) options.onProgress?.({ done, total });
        }
      }
    });
    writeSequences(db, archive.sequences, engine);
    if (engine === 'sqlite') refuseBrokenReferences(db, archive);
    return { records: total, counts: Object.fromEntries(archive.tables.map((t) => [t.table.key, t.records.length])) };
  });
  options.onProgress?.({ done, total });
  return report;
}

/** The columns of `table` that reference its own rows (Topic.parentId, Passage.answersId), from PostgreSQL's catalog. */
function selfReferences(db: WriteDb, table: string): string[] {
  return db
    .prepare(
      `SELECT a.attname FROM pg_constraint c JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
       WHERE c.contype = 'f' AND c.conrelid = c.confrelid AND c.conrelid = to_regclass('"' || ? || '"')`,
    )
    .pluck()
    .all(table) as string[];
}

/** PostgreSQL: one table's records, a reference to a row not yet inserted set afterwards; returns the running count. */
function insertPostgres(
  db: WriteDb,
  table: ArchiveTable,
  records: ArchiveRecord[],
  done: number,
  total: number,
  onProgress?: (p: ArchiveProgress) => void,
): number {
  const columns = table.columns.map((c) => c.name);
  const insert = db.prepare(`INSERT INTO "${table.table}" (${columns.map((c) => `"${c}"`).join(', ')}) VALUES (${columns.map(() => '?').join(', ')})`);
  const selfRefs = selfReferences(db, table.table).filter((name) => columns.includes(name));
  const inserted = new Set<unknown>();
  const later: { index: number; column: string; value: unknown }[] = [];
  for (const [index, record] of records.entries()) {
    const values = table.columns.map((c) => {
      const value = record[c.name];
      if (c.type.kind === 'bool') return value ? 1 : 0;
      if (selfRefs.includes(c.name) && value !== null && !inserted.has(value)) {
        later.push({ index, column: c.name, value });
        return null;
      }
      return value;
    });
    runNamed(table, index, record, () => insert.run(...values));
    inserted.add(record.id);
    done += 1;
    if (done % 500 === 0) onProgress?.({ done, total });
  }
  for (const { index, column, value } of later) {
    const record = records[index]!;
    runNamed(table, index, record, () => db.prepare(`UPDATE "${table.table}" SET "${column}" = ? WHERE id = ?`).run(value, record.id));
  }
  return done;
}

/** Runs one statement of a record; a refusal becomes ArchiveImportError naming the record (and a missing row's table). */
function runNamed(table: ArchiveTable, index: number, record: ArchiveRecord, statement: () => unknown): void {
  try {
    statement();
  } catch (error) {
    const detail = String((error as { detail?: unknown }).detail ?? '');
    const missing = /is not present in table "(\w+)"/.exec(detail);
    const column = /^Key \("?(\w+)"?\)/.exec(detail);
    if ((error as { code?: string }).code === '23503' && missing) {
      const where = describeRecordIssue(table.key, index, record, { path: column ? [column[1]!] : [], message: '' }).replace(/: $/, '');
      throw new ArchiveImportError(`The archive has a bad record: ${where} refers to a ${missing[1]} that is not in the archive.`);
    }
    throw new ArchiveImportError(
      `The archive has a bad record: ${describeRecordIssue(table.key, index, record, { path: [], message: (error as Error).message })}`,
    );
  }
}

/** A reference to a row the archive does not have, named by its record, before COMMIT refuses it unnamed. */
function refuseBrokenReferences(db: WriteDb, archive: ParsedArchive): void {
  const broken = db.prepare('PRAGMA foreign_key_check').all() as { table: string; rowid: number | null; parent: string; fkid: number }[];
  if (broken.length === 0) return;
  const first = broken[0];
  const entry = archive.tables.find((t) => t.table.table === first.table);
  const fk = (db.prepare(`PRAGMA foreign_key_list("${first.table}")`).all() as { id: number; from: string }[]).find((f) => f.id === first.fkid);
  const row = first.rowid === null ? undefined : (db.prepare(`SELECT * FROM "${first.table}" WHERE rowid = ?`).get(first.rowid) as ArchiveRecord | undefined);
  const index = entry && row ? entry.records.findIndex((r) => entry.table.columns.every((c) => c.type.kind === 'bool' || r[c.name] === row[c.name])) : -1;
  const where =
    entry && index >= 0
      ? describeRecordIssue(entry.table.key, index, entry.records[index], { path: fk ? [fk.from] : [], message: '' }).replace(/: $/, '')
      : first.table;
  throw new ArchiveImportError(`The archive has a bad record: ${where} refers to a ${first.parent} that is not in the archive.`);
}
