// The snippets of a page of passages, marked by FTS5 on a small table of this connection's own (in its
// temp schema, as index-stems.ts does) holding only those passages, made with the passage index's
// very tokenizer. snippet() reads nothing but the row, its text and its matches of the expression, so
// it gives what it gives on passage_fts; there, each passage is a lookup of its own, which sets every
// phrase of the expression up again and seeks each one's list: ten snippets of `was*` (28 words, one
// of them in 580,000 passages) took 8 ms at 1,000,000 passages, and a prefix the engine searches whole
// merged the lists of every word it starts. Here the page's ten passages are the whole index.
import 'server-only';
import type { PassageSnippets } from '../query';
import type { SqliteDb } from './connection';
import { SEARCH_TOKENIZER } from './index-stems';

export function passageSnippetsOf(db: SqliteDb): PassageSnippets {
  db.exec(`
    CREATE TABLE IF NOT EXISTS temp.snippet_passage_text (id INTEGER PRIMARY KEY, text TEXT, speaker TEXT, title TEXT);
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.snippet_passage USING fts5(
      text, speaker, title, content = 'snippet_passage_text', content_rowid = 'id', tokenize = '${SEARCH_TOKENIZER}');`);
  const insertText = db.prepare('INSERT INTO temp.snippet_passage_text (id, text, speaker, title) VALUES (?, ?, ?, ?)');
  const insertIndexed = db.prepare('INSERT INTO temp.snippet_passage (rowid, text, speaker, title) VALUES (?, ?, ?, ?)');
  const snippet = db.prepare(`
    SELECT rowid AS id, snippet(snippet_passage, 0, ?, ?, '…', ?) AS snippet
    FROM temp.snippet_passage WHERE snippet_passage MATCH ? AND rowid IN (SELECT value FROM json_each(?))`);
  const clearIndexed = db.prepare(`INSERT INTO temp.snippet_passage (snippet_passage) VALUES ('delete-all')`);
  const clearText = db.prepare('DELETE FROM temp.snippet_passage_text');
  type Args = Parameters<PassageSnippets>;
  return db.transaction((passages: Args[0], groups: Args[1], marks: Args[2], tokens: Args[3]) => {
    for (const { id, columns } of passages) {
      insertText.run(id, ...columns);
      insertIndexed.run(id, ...columns);
    }
    try {
      return groups.flatMap(
        ({ expression, ids }) => snippet.all(marks.open, marks.close, tokens, expression, JSON.stringify(ids)) as { id: number; snippet: string }[],
      );
    } finally {
      clearIndexed.run();
      clearText.run();
    }
  });
}
