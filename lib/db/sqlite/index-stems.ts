// How the search indexes read a word: the terms FTS5's tokenizer makes of it, read off a small
// FTS5 table of this connection's own (in its temp schema, so a read-only connection has one too)
// with the very tokenizer passage_fts and entity_fts are made with. Not a stemmer written again in
// JavaScript: two words are the same to the index exactly when FTS5 says so.
//
// Why search needs it: a prefix stands for the words it starts (prefixes.ts), and many of them are
// one stem to the index ("sanction", "sanctions", "sanctioned" are all "sanction"). Searched as
// three alternatives, FTS5 scored the same list three times over and counted the stem thrice in
// BM25, so `sanct*` weighed three times what typing `sanctions` does, and ranked in 27 ms where one
// alternative is answered from its ranking list (100,000 passages).
import 'server-only';
import type { IndexStems } from '../query';
import type { SqliteDb } from './connection';

/** The tokenizer of passage_fts and entity_fts (their migrations); tests/integration/search/index-stems.test.ts checks that they agree. */
export const SEARCH_TOKENIZER = 'porter unicode61 remove_diacritics 2';

export function indexStemsOf(db: SqliteDb): IndexStems {
  db.exec(`
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.index_stem_words USING fts5(word, tokenize = '${SEARCH_TOKENIZER}');
    CREATE VIRTUAL TABLE IF NOT EXISTS temp.index_stem_terms USING fts5vocab(temp, index_stem_words, instance);`);
  const insert = db.prepare('INSERT INTO temp.index_stem_words (rowid, word) VALUES (?, ?)');
  const terms = db.prepare('SELECT doc, term FROM temp.index_stem_terms ORDER BY doc, offset');
  const clear = db.prepare('DELETE FROM temp.index_stem_words');
  const read = db.transaction((words: readonly string[]) => {
    words.forEach((word, i) => insert.run(i + 1, word));
    const rows = terms.all() as { doc: number; term: string }[];
    clear.run();
    return rows;
  });
  return (words) => {
    if (words.length === 0) return [];
    const stems: string[][] = words.map(() => []);
    for (const row of read(words)) stems[row.doc - 1].push(row.term);
    return stems.map((parts) => parts.join(' '));
  };
}
