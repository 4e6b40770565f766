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
  // The tokenizer gives a word the same terms every time: each word is read once, then kept. The
  // temporary table's insert, read and delete in a transaction of their own cost ~0.1 ms a search
  // (100,000 passages, never-asked queries: 4,628 reads for 4,000 searches), and a word comes back often.
  // Words only: a search also asks for the terms of whole passages (prefix-snippets.ts), which would
  // fill the memory and push the words out.
  const known = new Map<string, string>();
  const keepable = (word: string) => word.length <= LONGEST_KEPT_WORD && !/\s/.test(word);
  return (words) => {
    const found = new Map(words.filter((word) => known.has(word)).map((word) => [word, known.get(word)!]));
    const unknown = [...new Set(words.filter((word) => !found.has(word)))];
    if (unknown.length > 0) {
      const stems: string[][] = unknown.map(() => []);
      for (const row of read(unknown)) stems[row.doc - 1].push(row.term);
      unknown.forEach((word, i) => {
        found.set(word, stems[i].join(' '));
        if (!keepable(word)) return;
        // The oldest kept first out: a bound on the memory, whatever the words searched.
        if (known.size >= MOST_KEPT_WORDS) known.delete(known.keys().next().value!);
        known.set(word, found.get(word)!);
      });
    }
    return words.map((word) => found.get(word)!);
  };
}

/** How many words' terms a connection keeps, each of at most LONGEST_KEPT_WORD characters: a megabyte or two at most. */
const MOST_KEPT_WORDS = 10_000;
const LONGEST_KEPT_WORD = 64;
