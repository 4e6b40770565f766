// The bulk path (lib/db bulkLoadPassages: triggers off, one rebuild at the end) builds the same
// search index as the triggers do row by row: the same corpus loaded both ways gives the same word
// list, the same matches with the same BM25 scores and snippets, passes FTS5's content check, and
// leaves the triggers (and FTS5's settings) in place for the saves that follow.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase, type SqliteDb } from '@/lib/db';
import { loadCorpus } from '@/bench/lib/load';

let dir: string;
const dbs: Record<'bulk' | 'triggers', SqliteDb> = {} as never;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'bulk-load-test-'));
  for (const indexBy of ['bulk', 'triggers'] as const) {
    const { info } = await loadCorpus({ n: 3_000, seed: 11, cacheDir: path.join(dir, indexBy), indexBy });
    dbs[indexBy] = openDatabase(info.file);
  }
}, 120_000);

afterAll(() => {
  for (const db of Object.values(dbs)) db.close();
  rmSync(dir, { recursive: true, force: true });
});

const both = <T>(read: (db: SqliteDb) => T): [T, T] => [read(dbs.bulk), read(dbs.triggers)];

describe('a corpus indexed in bulk and one indexed by the triggers', () => {
  it('have the same word lists', () => {
    const [bulk, triggers] = both((db) => ({
      stems: db.prepare('SELECT term, doc, cnt FROM passage_fts_vocab ORDER BY term').all(),
      words: db.prepare('SELECT term, doc FROM passage_words_fts_vocab ORDER BY term').all(),
    }));
    expect(bulk.stems.length).toBeGreaterThan(1_000);
    expect(bulk).toEqual(triggers);
  });

  it('find the same passages with the same scores and snippets', () => {
    const words = dbs.triggers
      .prepare(`SELECT term FROM passage_words_fts_vocab WHERE doc > 5 AND term GLOB '[a-z]*' ORDER BY doc DESC LIMIT 40`)
      .pluck()
      .all() as string[];
    for (const word of [...words, 'north korea', `${words[3]} OR ${words[30]}`, `"${words[1]} ${words[0]}"`]) {
      const [bulk, triggers] = both((db) =>
        db
          .prepare(
            `SELECT rowid AS id, round(bm25(passage_fts, 1.0, 0.5, 0.2), 9) AS score, snippet(passage_fts, 0, '[', ']', '…', 12) AS snippet
             FROM passage_fts WHERE passage_fts MATCH ? ORDER BY rank, rowid LIMIT 50`,
          )
          .all(word),
      );
      expect(bulk.length, word).toBeGreaterThan(0);
      expect(bulk, word).toEqual(triggers);
    }
  });

  it('pass FTS5’s content check, and keep every trigger for later saves', () => {
    for (const db of Object.values(dbs)) db.exec(`INSERT INTO passage_fts (passage_fts, rank) VALUES ('integrity-check', 1)`);
    const [bulk, triggers] = both((db) => db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all());
    expect(bulk).toEqual(triggers);
    const id = dbs.bulk.prepare('SELECT min(id) FROM Passage').pluck().get() as number;
    dbs.bulk.prepare("UPDATE Passage SET text = 'an axolotl paragraph' WHERE id = ?").run(id);
    expect(dbs.bulk.prepare("SELECT rowid FROM passage_fts WHERE passage_fts MATCH 'axolotl'").pluck().all()).toEqual([id]);
    dbs.bulk.exec(`INSERT INTO passage_fts (passage_fts, rank) VALUES ('integrity-check', 1)`);
  });

  it('leave FTS5 writing its segments at the default size once the bulk build is done', () => {
    // The build raises 'hashsize' to 16 MiB; a save afterwards must buffer no more than FTS5 does by default (1 MiB).
    for (const table of ['passage_fts', 'passage_words_fts']) {
      const [bulk, triggers] = both((db) => db.prepare(`SELECT v FROM ${table}_config WHERE k = 'hashsize'`).pluck().get() ?? 1 << 20);
      expect([table, bulk]).toEqual([table, 1 << 20]);
      expect(triggers).toBe(1 << 20);
    }
  });
});
