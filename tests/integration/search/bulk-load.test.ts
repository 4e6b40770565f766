// The bulk path (lib/db bulkLoadPassages: triggers off, one rebuild at the end) builds the same
// search index as the triggers do row by row: the same corpus loaded both ways gives the same word
// list, the same matches with the same BM25 scores and snippets, passes FTS5's content check, and
// leaves the triggers (and FTS5's settings) in place for the saves that follow. The new passages wait
// for their embeddings and the ranking lists as the triggers would have marked them, and a load that
// would leave some unmarked is refused whole.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkLoadPassages, openDatabase, type SqliteDb } from '@/lib/db';
import { loadCorpus, type LoadPhases } from '@/bench/lib/load';

let dir: string;
const dbs: Record<'bulk' | 'triggers', SqliteDb> = {} as never;
const phases: Partial<Record<'bulk' | 'triggers', LoadPhases>> = {};

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'bulk-load-test-'));
  for (const indexBy of ['bulk', 'triggers'] as const) {
    const { info } = await loadCorpus({ n: 3_000, seed: 11, cacheDir: path.join(dir, indexBy), indexBy });
    dbs[indexBy] = openDatabase(info.file);
    phases[indexBy] = info.phases;
  }
}, 120_000);

afterAll(() => {
  for (const db of Object.values(dbs)) db.close();
  rmSync(dir, { recursive: true, force: true });
});

const both = <T>(read: (db: SqliteDb) => T): [T, T] => [read(dbs.bulk), read(dbs.triggers)];

describe('a corpus indexed in bulk and one indexed by the triggers', () => {
  it("record how long generating the synthetic text took, part of the rows' time", () => {
    for (const indexBy of ['bulk', 'triggers'] as const) {
      const loaded = phases[indexBy]!;
      expect(loaded.generatingText).toBeGreaterThan(0);
      expect(loaded.generatingText!).toBeLessThan(loaded.rows);
    }
  });

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

describe('the passages a bulk load inserts', () => {
  const waiting = (db: SqliteDb, table: 'PassageEmbeddingPending' | 'TermImpactPending') =>
    db.prepare(`SELECT passageId FROM ${table} ORDER BY passageId`).pluck().all() as number[];
  const insertPassages = (db: SqliteDb, ids: number[]) => {
    const document = db.prepare('SELECT id FROM Document ORDER BY id LIMIT 1').pluck().get() as number;
    const insert = db.prepare(
      `INSERT INTO Passage (id, documentId, position, anchor, kind, speakerId, text, updatedAt) VALUES (?, ?, ?, ?, 'paragraph', NULL, 'an okapi paragraph', '2026-01-01')`,
    );
    for (const id of ids) insert.run(id, document, 1_000_000 + id, 1_000_000 + id);
  };

  it('wait for their embeddings as the triggers mark them, in both loads', () => {
    const [bulk, triggers] = both((db) => waiting(db, 'PassageEmbeddingPending'));
    expect(bulk.length).toBe(3_000);
    expect(bulk).toEqual(triggers);
  });

  it('wait for the ranking lists when the archive has them, and only the new ones wait', () => {
    const db = dbs.bulk;
    expect(db.prepare('SELECT count(*) FROM TermImpactBuild').pluck().get()).toBe(1);
    const highest = db.prepare('SELECT max(id) FROM Passage').pluck().get() as number;
    const before = { embeddings: waiting(db, 'PassageEmbeddingPending'), lists: waiting(db, 'TermImpactPending') };
    const added = [highest + 1, highest + 2, highest + 5];
    bulkLoadPassages(db, () => insertPassages(db, added));
    expect(waiting(db, 'TermImpactPending')).toEqual([...before.lists, ...added]);
    expect(waiting(db, 'PassageEmbeddingPending')).toEqual([...before.embeddings, ...added]);
    expect(db.prepare("SELECT rowid FROM passage_fts WHERE passage_fts MATCH 'okapi'").pluck().all()).toEqual(added);
  });

  it('are refused whole when one has an id below an earlier passage, which the marks would miss', () => {
    const db = dbs.bulk;
    const highest = db.prepare('SELECT max(id) FROM Passage').pluck().get() as number;
    // highest + 1 stays free, below the passage loaded first.
    bulkLoadPassages(db, () => insertPassages(db, [highest + 2]));
    const state = () => ({
      passages: db.prepare('SELECT count(*) FROM Passage').pluck().get(),
      triggers: db.prepare("SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name").pluck().all(),
      embeddings: waiting(db, 'PassageEmbeddingPending'),
      lists: waiting(db, 'TermImpactPending'),
    });
    const before = state();
    expect(() => bulkLoadPassages(db, () => insertPassages(db, [highest + 3, highest + 1]))).toThrow(
      /1 of the new passages would not be marked as waiting: their ids are below the highest one/,
    );
    expect(state()).toEqual(before);
  });
});
