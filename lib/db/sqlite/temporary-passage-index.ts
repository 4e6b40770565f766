// A small FTS5 index of a few passages in this connection's temp schema (so a read-only connection
// has one too), with passage_fts's columns and very tokenizer: what FTS5 matches, counts, highlights
// and snips there for a passage is what it does on passage_fts for it, without asking the whole index
// (each passage a lookup of its own, setting every phrase of an expression up again). Its text is kept
// beside it as external content, so emptying it is one 'delete-all', not a delete that tokenizes each
// row again.
import 'server-only';
import type { SqliteDb } from './connection';
import { SEARCH_TOKENIZER } from './index-stems';

/** A passage as passage_fts reads it (passage_fts_source): speaker '' for none. */
export interface IndexedPassage {
  id: number;
  text: string;
  speaker: string;
  title: string;
}

export interface TemporaryPassageIndex {
  /** The FTS5 table's name, to query (`temp.<name>`). */
  name: string;
  /** Empties the index, then holds `passages` alone. */
  fill(passages: readonly IndexedPassage[]): void;
  clear(): void;
}

/** The index `name` of this connection's temp schema, made if it is not there yet. */
export function temporaryPassageIndex(db: SqliteDb, name: string): TemporaryPassageIndex {
  db.exec(`
    CREATE TABLE IF NOT EXISTS temp.${name}_text (id INTEGER PRIMARY KEY, text TEXT, speaker TEXT, title TEXT);
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.${name} USING fts5(
      text, speaker, title, content = '${name}_text', content_rowid = 'id', tokenize = '${SEARCH_TOKENIZER}');`);
  const insertText = db.prepare(`INSERT INTO temp.${name}_text (id, text, speaker, title) VALUES (?, ?, ?, ?)`);
  const insertIndexed = db.prepare(`INSERT INTO temp.${name} (rowid, text, speaker, title) VALUES (?, ?, ?, ?)`);
  const clearIndexed = db.prepare(`INSERT INTO temp.${name} (${name}) VALUES ('delete-all')`);
  const clearText = db.prepare(`DELETE FROM temp.${name}_text`);
  const clear = () => {
    clearIndexed.run();
    clearText.run();
  };
  return {
    name,
    clear,
    fill(passages) {
      clear();
      for (const { id, text, speaker, title } of passages) {
        insertText.run(id, text, speaker, title);
        insertIndexed.run(id, text, speaker, title);
      }
    },
  };
}
