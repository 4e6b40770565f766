// The highest id each AUTOINCREMENT table has ever given (SQLite keeps it in sqlite_sequence), read
// for the export and put back by the import, so that ids of deleted rows stay retired. On PostgreSQL
// the same number is the table's SERIAL sequence: its last value once it has given one (is_called),
// one less while it waits to give its next value (how setval(n, false) and a fresh table leave it).
import 'server-only';
import type { SqliteDb } from '@/lib/db';
import { SEQUENCED_TABLES } from './tables';

export type Sequences = Record<(typeof SEQUENCED_TABLES)[number], number>;
export type Engine = 'sqlite' | 'postgresql';

/** The sequence behind a table's `id` column, as a name PostgreSQL reads back (schema-qualified, quoted). */
function sequenceOf(db: SqliteDb, table: string): string {
  const name = db.prepare(`SELECT pg_get_serial_sequence('"' || ? || '"', 'id')`).pluck().get(table) as string | null;
  if (!name) throw new Error(`${table}.id has no sequence: is the database migrated?`);
  return name;
}

export function readSequences(db: SqliteDb, engine: Engine = 'sqlite'): Sequences {
  if (engine === 'postgresql') {
    return Object.fromEntries(
      SEQUENCED_TABLES.map((table) => {
        const row = db.prepare(`SELECT last_value, is_called FROM ${sequenceOf(db, table)}`).get() as { last_value: number; is_called: number | boolean };
        return [table, row.is_called ? Number(row.last_value) : Number(row.last_value) - 1];
      }),
    ) as Sequences;
  }
  const rows = db.prepare('SELECT name, seq FROM sqlite_sequence').all() as { name: string; seq: number }[];
  const given = new Map(rows.map((r) => [r.name, r.seq]));
  return Object.fromEntries(SEQUENCED_TABLES.map((t) => [t, given.get(t) ?? 0])) as Sequences;
}

/** Inside the import's transaction, after its rows: a table that never gave an id has no entry. */
export function writeSequences(db: SqliteDb, sequences: Sequences, engine: Engine = 'sqlite'): void {
  if (engine === 'postgresql') {
    for (const table of SEQUENCED_TABLES) {
      // setval(n, true): the next id is n + 1; a table that never gave one waits to give 1.
      const [value, called] = sequences[table] > 0 ? [sequences[table], true] : [1, false];
      db.prepare(`SELECT setval(?, ?, ?)`).get(sequenceOf(db, table), value, called);
    }
    return;
  }
  for (const table of SEQUENCED_TABLES) {
    db.prepare('DELETE FROM sqlite_sequence WHERE name = ?').run(table);
    if (sequences[table] > 0) db.prepare('INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)').run(table, sequences[table]);
  }
}
