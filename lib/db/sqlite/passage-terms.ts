// How often some terms occur in each column of a few passages, read off a small FTS5 table of this
// connection's own (in its temp schema, as index-stems.ts does) made with the passage index's very
// tokenizer: the counts FTS5 itself would find in those passages, without asking the whole index.
// Contentless, so emptying it afterwards is one command rather than a delete that tokenizes each row
// again; and the table's instances are read for the terms asked only.
import 'server-only';
import type { PassageTermCounts } from '../query';
import type { SqliteDb } from './connection';
import { SEARCH_TOKENIZER } from './index-stems';

const COLUMNS = ['text', 'speaker', 'title'] as const;

export function passageTermCountsOf(db: SqliteDb): PassageTermCounts {
  db.exec(`
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.counted_passage USING fts5(text, speaker, title, content = '', tokenize = '${SEARCH_TOKENIZER}');
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.counted_passage_terms USING fts5vocab(temp, counted_passage, instance);`);
  const insert = db.prepare('INSERT INTO temp.counted_passage (rowid, text, speaker, title) VALUES (?, ?, ?, ?)');
  const instances = db.prepare('SELECT doc, col, term FROM temp.counted_passage_terms WHERE term IN (SELECT value FROM json_each(?))');
  const clear = db.prepare(`INSERT INTO temp.counted_passage (counted_passage) VALUES ('delete-all')`);
  const read = db.transaction((passages: Parameters<PassageTermCounts>[0], terms: readonly string[]) => {
    for (const { id, columns } of passages) insert.run(id, ...columns);
    const rows = instances.all(JSON.stringify(terms)) as { doc: number; col: string; term: string }[];
    clear.run();
    return rows;
  });
  return (passages, terms) => {
    const counts = new Map(passages.map(({ id }) => [id, new Map<string, [number, number, number]>()]));
    if (passages.length === 0 || terms.length === 0) return counts;
    for (const { doc, col, term } of read(passages, terms)) {
      const byTerm = counts.get(doc)!;
      const entry = byTerm.get(term) ?? [0, 0, 0];
      entry[COLUMNS.indexOf(col as (typeof COLUMNS)[number])] += 1;
      byTerm.set(term, entry);
    }
    return counts;
  };
}
