// The snippets of a page of passages, marked by FTS5 on a temporary index of those passages alone
// (temporary-passage-index.ts). snippet() reads nothing but the row, its text and its matches of the
// expression, so it gives what it gives on passage_fts; there, each passage is a lookup of its own,
// which sets every phrase of the expression up again and seeks each one's list: ten snippets of `was*`
// (28 words, one of them in 580,000 passages) took 8 ms at 1,000,000 passages, and a prefix the engine
// searches whole merged the lists of every word it starts. Here the page's ten passages are the whole index.
import 'server-only';
import type { PassageSnippets } from '../query';
import type { SqliteDb } from './connection';
import { temporaryPassageIndex } from './temporary-passage-index';

export function passageSnippetsOf(db: SqliteDb): PassageSnippets {
  const index = temporaryPassageIndex(db, 'snippet_passage');
  const snippet = db.prepare(`
    SELECT rowid AS id, snippet(snippet_passage, 0, ?, ?, '…', ?) AS snippet
    FROM temp.snippet_passage WHERE snippet_passage MATCH ? AND rowid IN (SELECT value FROM json_each(?))`);
  type Args = Parameters<PassageSnippets>;
  return db.transaction((passages: Args[0], groups: Args[1], marks: Args[2], tokens: Args[3]) => {
    index.fill(passages.map(({ id, columns: [text, speaker, title] }) => ({ id, text, speaker, title })));
    try {
      return groups.flatMap(
        ({ expression, ids }) => snippet.all(marks.open, marks.close, tokens, expression, JSON.stringify(ids)) as { id: number; snippet: string }[],
      );
    } finally {
      index.clear();
    }
  });
}
