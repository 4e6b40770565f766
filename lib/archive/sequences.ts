// The highest id each AUTOINCREMENT table has ever given (SQLite keeps it in sqlite_sequence), read
// for the export and put back by the import, so that ids of deleted rows stay retired.
import 'server-only';
import type { SqliteDb } from '@/lib/db';
import { SEQUENCED_TABLES } from './tables';

export type Sequences = Record<(typeof SEQUENCED_TABLES)[number], number>;

export function readSequences(db: SqliteDb): Sequences {
  const rows = db.prepare('SELECT name, seq FROM sqlite_sequence').all() as { name: string; seq: number }[];
  const given = new Map(rows.map((r) => [r.name, r.seq]));
  return Object.fromEntries(SEQUENCED_TABLES.map((t) => [t, given.get(t) ?? 0])) as Sequences;
}

/** Inside the import's transaction, after its rows: a table that never gave an id has no entry. */
export function writeSequences(db: SqliteDb, sequences: Sequences): void {
  for (const table of SEQUENCED_TABLES) {
    db.prepare('DELETE FROM sqlite_sequence WHERE name = ?').run(table);
    if (sequences[table] > 0) db.prepare('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)').run(table, sequences[table]);
  }
}
