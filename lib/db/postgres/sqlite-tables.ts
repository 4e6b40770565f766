// What a SQLite archive holds, table by table, in the order PostgreSQL can take it: the tables of the
// Prisma models (sqlite_master minus SQLite's and Prisma's own bookkeeping and the FTS5 tables, which
// PostgreSQL keeps in its own form), parents before children by their foreign keys.
import 'server-only';
import type { SqliteDb } from '../sqlite/connection';

export interface SqliteTable {
  name: string;
  columns: string[];
  /** The primary key's columns in key order: the order rows are read in. */
  primaryKey: string[];
  /** Columns referencing this same table (Topic.parentId, Passage.questionId), with the column they point at. */
  selfReferences: { column: string; references: string }[];
}

/** Not archive data: Prisma's migration records, SQLite's internals, and FTS5's virtual tables and shadows. */
export function isSqliteInternalTable(name: string): boolean {
  return name === '_prisma_migrations' || name.startsWith('sqlite_') || /_fts/.test(name);
}

const quoteSqlite = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The archive's tables, parents first (a table after every table its foreign keys point at). */
export function sqliteTablesInForeignKeyOrder(db: SqliteDb): SqliteTable[] {
  const names = (db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[])
    .map((row) => row.name)
    .filter((name) => !isSqliteInternalTable(name));
  const parents = new Map<string, Set<string>>();
  const tables = new Map<string, SqliteTable>();
  for (const name of names) {
    const info = db.prepare(`PRAGMA table_info(${quoteSqlite(name)})`).all() as { name: string; pk: number }[];
    const keys = db.prepare(`PRAGMA foreign_key_list(${quoteSqlite(name)})`).all() as { table: string; from: string; to: string }[];
    tables.set(name, {
      name,
      columns: info.map((column) => column.name),
      primaryKey: info
        .filter((column) => column.pk > 0)
        .sort((a, b) => a.pk - b.pk)
        .map((column) => column.name),
      selfReferences: keys.filter((key) => key.table === name).map((key) => ({ column: key.from, references: key.to })),
    });
    parents.set(name, new Set(keys.map((key) => key.table).filter((table) => table !== name && names.includes(table))));
  }

  const ordered: SqliteTable[] = [];
  const placed = new Set<string>();
  while (ordered.length < names.length) {
    const ready = names.filter((name) => !placed.has(name) && [...parents.get(name)!].every((parent) => placed.has(parent)));
    if (ready.length === 0) {
      const left = names.filter((name) => !placed.has(name));
      throw new Error(`The foreign keys of ${left.join(', ')} form a cycle: no order copies them.`);
    }
    for (const name of ready) {
      placed.add(name);
      ordered.push(tables.get(name)!);
    }
  }
  return ordered;
}

export const quoteIdentifier = quoteSqlite;
