// The reader tells how the search indexes read a word (lib/db/sqlite/index-stems.ts): FTS5's own
// tokenizer, on a table of the read-only connection's temp schema, the very tokenizer the indexes
// are made with. On the seed archive: every word of its text is read as a term the passage index
// holds, and a word's passages are exactly its stem's.
import { rmSync } from 'node:fs';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openReader, type Reader } from '@/lib/db';
import { SEARCH_TOKENIZER } from '@/lib/db/sqlite/index-stems';
import { copyTemplate } from '@/tests/support/per-file-database';

let file: string;
let db: Reader;

beforeAll(() => {
  file = copyTemplate('seededTemplate');
  db = openReader(file);
});

afterAll(() => {
  db?.close();
  if (file) rmSync(file, { force: true });
});

const count = async (expression: string) =>
  Number((await db.$queryRaw<{ n: number | bigint }[]>`SELECT count(*) AS n FROM passage_fts WHERE passage_fts MATCH ${expression}`)[0].n);

describe('how the search indexes read a word', () => {
  it('uses the tokenizer both search indexes are made with', () => {
    const raw = new Database(file, { readonly: true });
    try {
      const definitions = raw.prepare("SELECT name, sql FROM sqlite_master WHERE name IN ('passage_fts', 'entity_fts')").all() as {
        name: string;
        sql: string;
      }[];
      expect(definitions.map((d) => d.name).sort()).toEqual(['entity_fts', 'passage_fts']);
      for (const { name, sql } of definitions) expect(sql, name).toContain(`tokenize = '${SEARCH_TOKENIZER}'`);
    } finally {
      raw.close();
    }
  });

  it('reads forms of one word as one stem, folds case and diacritics, and keeps the order it was given', () => {
    expect(db.indexStems).toBeDefined();
    expect(db.indexStems!(['sanctions', 'sanction', 'sanctioned', 'Was', 'this', 'Éclair', 'e-mail', '', 'negotiations'])).toEqual([
      'sanction',
      'sanction',
      'sanction',
      'wa',
      'thi',
      'eclair',
      'e mail',
      '',
      'negoti',
    ]);
    // Again on the same connection: nothing of the first call is left in its table.
    expect(db.indexStems!(['defectors', 'defector'])).toEqual(['defector', 'defector']);
    expect(db.indexStems!([])).toEqual([]);
  });

  it('answers words read before alike, and a call of more new words than it keeps (10,000)', () => {
    // Words read before (kept in memory): the same answer, given twice in one call too.
    expect(db.indexStems!(['sanctions', 'defectors', 'sanctions'])).toEqual(['sanction', 'defector', 'sanction']);
    // More words than a connection keeps (10,000), each new: every one is answered, as a fresh connection reads it.
    const words = Array.from({ length: 10_050 }, (_, i) => `bl${i.toString(36)}ings`);
    const stems = db.indexStems!(words);
    const fresh = openReader(file);
    try {
      expect(stems).toHaveLength(words.length);
      const probes = [0, 1, 5_000, 10_048, 10_049];
      expect(probes.map((i) => stems[i])).toEqual(fresh.indexStems!(probes.map((i) => words[i])));
      expect(stems[0]).toBe('bl0ing');
    } finally {
      fresh.close();
    }
    // The first of them, pushed out of memory since, is read again alike.
    expect(db.indexStems!([words[0], 'sanctioned'])).toEqual(['bl0ing', 'sanction']);
  });

  it('reads every word of the archive’s text as a term the passage index holds, with exactly that term’s passages', async () => {
    const words = (await db.$queryRaw<{ term: string }[]>`SELECT term FROM passage_words_fts_vocab ORDER BY term`).map((row) => row.term);
    expect(words.length).toBeGreaterThan(300);
    const stems = db.indexStems!(words);
    const terms = await db.$queryRaw<{ term: string; doc: number | bigint }[]>`SELECT term, doc FROM passage_fts_vocab`;
    const passagesOf = new Map(terms.map((row) => [row.term, Number(row.doc)]));
    const missing = words.filter((word, i) => !passagesOf.has(stems[i]));
    expect(missing).toEqual([]);
    // A word's own search finds its stem's passages, no more and no fewer (a sample: one FTS5 count each).
    for (let i = 0; i < words.length; i += 25) expect(await count(`"${words[i]}"`), words[i]).toBe(passagesOf.get(stems[i]));
  });
});
