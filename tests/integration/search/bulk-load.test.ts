// The bulk path (lib/db bulkLoadPassages: triggers off, one rebuild at the end) builds the same
// search index as the triggers do row by row, whether its plain word index is built on the load's own
// thread or on a worker thread beside it (word-index-on-worker.ts, which a big load takes): the same
// corpus loaded each way gives the same word lists, the same matches with the same BM25 scores and
// snippets, passes FTS5's checks, and leaves the triggers (and FTS5's settings) in place for the saves
// that follow, with the stemmed index merged into one segment. The new passages wait
// for their embeddings and the ranking lists as the triggers would have marked them, and a load that
// would leave some unmarked is refused whole.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bulkLoadPassages, openDatabase, segmentsOf, type SqliteDb } from '@/lib/db';
import { startWordIndexOnWorker } from '@/lib/db/sqlite/word-index-on-worker';
import { loadCorpus, type LoadPhases } from '@/bench/lib/load';
import { scoredMatches } from '@/tests/support/full-text-probe';

let dir: string;
/** The loads compared: bulk as a load of 3,000 passages is by default (the plain word index on the load's thread), bulk with it on a worker thread, and row by row. */
const LOADS = {
  bulk: { indexBy: 'bulk' },
  'bulk, words on a worker': { indexBy: 'bulk', wordIndexOnWorker: true },
  triggers: { indexBy: 'triggers' },
} as const;
type Load = keyof typeof LOADS;
const BULK_LOADS = ['bulk', 'bulk, words on a worker'] as const;
const dbs: Record<Load, SqliteDb> = {} as never;
const phases: Partial<Record<Load, LoadPhases>> = {};

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'bulk-load-test-'));
  for (const [load, how] of Object.entries(LOADS) as [Load, (typeof LOADS)[Load]][]) {
    const { info } = await loadCorpus({ n: 3_000, seed: 11, cacheDir: path.join(dir, load.replace(/\W+/g, '-')), ...how });
    dbs[load] = openDatabase(info.file);
    phases[load] = info.phases;
  }
}, 120_000);

afterAll(() => {
  for (const db of Object.values(dbs)) db.close();
  rmSync(dir, { recursive: true, force: true });
});

/** What `read` gives on each bulk load, each paired with what it gives on the load by the triggers. */
const againstTriggers = <T>(read: (db: SqliteDb) => T): [T, T][] => BULK_LOADS.map((load) => [read(dbs[load]), read(dbs.triggers)]);

describe('a corpus indexed in bulk and one indexed by the triggers', () => {
  it("record how long generating the synthetic text took, part of the rows' time", () => {
    for (const load of Object.keys(LOADS) as Load[]) {
      const loaded = phases[load]!;
      expect(loaded.generatingText).toBeGreaterThan(0);
      expect(loaded.generatingText!).toBeLessThan(loaded.rows);
    }
  });

  it('have the same word lists', () => {
    for (const [bulk, triggers] of againstTriggers((db) => ({
      stems: db.prepare('SELECT term, doc, cnt FROM passage_fts_vocab ORDER BY term').all(),
      words: db.prepare('SELECT term, doc FROM passage_words_fts_vocab ORDER BY term').all(),
    }))) {
      expect(bulk.stems.length).toBeGreaterThan(1_000);
      expect(bulk.words.length).toBeGreaterThan(1_000);
      expect(bulk).toEqual(triggers);
    }
  });

  it('find the same passages with the same scores and snippets', () => {
    const words = dbs.triggers
      .prepare(`SELECT term FROM passage_words_fts_vocab WHERE doc > 5 AND term GLOB '[a-z]*' ORDER BY doc DESC LIMIT 40`)
      .pluck()
      .all() as string[];
    for (const word of [...words, 'north korea', `${words[3]} OR ${words[30]}`, `"${words[1]} ${words[0]}"`]) {
      for (const [bulk, triggers] of againstTriggers((db) => scoredMatches(db, word))) {
        expect(bulk.length, word).toBeGreaterThan(0);
        expect(bulk, word).toEqual(triggers);
      }
    }
  });

  it('pass FTS5’s checks, and keep every trigger for later saves, which find the new words in both indexes', () => {
    const check = (db: SqliteDb) => {
      db.exec(`INSERT INTO passage_fts (passage_fts, rank) VALUES ('integrity-check', 1)`);
      db.exec(`INSERT INTO passage_words_fts (passage_words_fts, rank) VALUES ('integrity-check', 0)`);
    };
    for (const db of Object.values(dbs)) check(db);
    for (const [bulk, triggers] of againstTriggers((db) => db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name").all()))
      expect(bulk).toEqual(triggers);
    for (const load of BULK_LOADS) {
      const db = dbs[load];
      const id = db.prepare('SELECT min(id) FROM Passage').pluck().get() as number;
      db.prepare("UPDATE Passage SET text = 'an axolotl paragraph' WHERE id = ?").run(id);
      expect(db.prepare("SELECT rowid FROM passage_fts WHERE passage_fts MATCH 'axolotl'").pluck().all(), load).toEqual([id]);
      expect(db.prepare("SELECT rowid FROM passage_words_fts WHERE passage_words_fts MATCH 'axolotl'").pluck().all(), load).toEqual([id]);
      check(db);
    }
  });

  it('leave FTS5 writing its segments at the default size once the bulk build is done', () => {
    // The build raises 'hashsize' to 16 MiB; a save afterwards must buffer no more than FTS5 does by default (1 MiB).
    for (const table of ['passage_fts', 'passage_words_fts'])
      for (const [bulk, triggers] of againstTriggers((db) => db.prepare(`SELECT v FROM ${table}_config WHERE k = 'hashsize'`).pluck().get() ?? 1 << 20)) {
        expect([table, bulk]).toEqual([table, 1 << 20]);
        expect(triggers).toBe(1 << 20);
      }
  });

  it('leave FTS5 merging the stemmed index’s segments as it does by default once the bulk build is done', () => {
    // The build turns merging off while it writes; the saves afterwards must have it back, or their segments would pile up.
    const byDefault = { automerge: 4, crisismerge: 16 };
    const merging = (db: SqliteDb) =>
      Object.fromEntries(
        Object.entries(byDefault).map(([k, v]) => [k, Number(db.prepare(`SELECT v FROM passage_fts_config WHERE k = ?`).pluck().get(k) ?? v)]),
      );
    for (const [bulk, triggers] of againstTriggers(merging)) {
      expect(bulk).toEqual(byDefault);
      expect(triggers).toEqual(bulk);
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

  it('wait for their embeddings as the triggers mark them, in every load', () => {
    for (const [bulk, triggers] of againstTriggers((db) => waiting(db, 'PassageEmbeddingPending'))) {
      expect(bulk.length).toBe(3_000);
      expect(bulk).toEqual(triggers);
    }
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

describe('a bulk load whose plain word index is built on a worker thread', () => {
  const okapiPassages = (db: SqliteDb, ids: number[], text: string) => {
    const document = db.prepare('SELECT id FROM Document ORDER BY id LIMIT 1').pluck().get() as number;
    const insert = db.prepare(
      `INSERT INTO Passage (id, documentId, position, anchor, kind, speakerId, text, updatedAt) VALUES (?, ?, ?, ?, 'paragraph', NULL, ?, '2026-01-01')`,
    );
    for (const id of ids) insert.run(id, document, 2_000_000 + id, 2_000_000 + id, text);
  };
  const matching = (db: SqliteDb, word: string) =>
    db.prepare('SELECT rowid FROM passage_words_fts WHERE passage_words_fts MATCH ? ORDER BY rowid').pluck().all(word) as number[];
  const words = (db: SqliteDb) => db.prepare('SELECT term, doc FROM passage_words_fts_vocab ORDER BY term').all();
  /** A copy of the corpus loaded by the triggers, in a folder of its own (where the worker's scratch folder goes). */
  const copyOfCorpus = (name: string) => {
    const folder = mkdtempSync(path.join(dir, `${name}-`));
    const file = path.join(folder, 'archive.db');
    dbs.triggers.exec(`VACUUM INTO '${file}'`);
    return { folder, db: openDatabase(file) };
  };
  const leftovers = (folder: string) => readdirSync(folder).filter((name) => name.startsWith('.word-index-'));

  it('into an archive this connection has read: the saves after it and the reads see the new index, as after a load on one thread', () => {
    // FTS5 keeps an index's structure in memory per connection: each copy's connection reads its word index before the load.
    const outcomes = [true, false].map((wordIndexOnWorker) => {
      const { folder, db } = copyOfCorpus(`read-before-${wordIndexOnWorker}`);
      try {
        expect(matching(db, 'the').length).toBeGreaterThan(1_000);
        const highest = db.prepare('SELECT max(id) FROM Passage').pluck().get() as number;
        const loaded = [highest + 1, highest + 2, highest + 3];
        bulkLoadPassages(db, () => okapiPassages(db, loaded, 'an okapi and a quagga'), { wordIndexOnWorker });
        // Saves through the triggers after the load: a loaded passage rewritten, another removed, one more added.
        db.prepare("UPDATE Passage SET text = 'a zebu paragraph' WHERE id = ?").run(loaded[0]);
        db.prepare('DELETE FROM Passage WHERE id = ?').run(loaded[2]);
        okapiPassages(db, [highest + 4], 'a zebu met an okapi');
        db.exec(`INSERT INTO passage_words_fts (passage_words_fts, rank) VALUES ('integrity-check', 0)`);
        return {
          found: { zebu: matching(db, 'zebu'), okapi: matching(db, 'okapi'), quagga: matching(db, 'quagga') },
          expected: { zebu: [loaded[0], highest + 4], okapi: [loaded[1], highest + 4], quagga: [loaded[1]] },
          words: words(db),
          leftovers: leftovers(folder),
        };
      } finally {
        db.close();
      }
    });
    const [onWorker, onThread] = outcomes;
    expect(onWorker.found).toEqual(onWorker.expected);
    expect(onWorker.words.length).toBeGreaterThan(1_000);
    expect(onWorker.leftovers).toEqual([]);
    expect(onWorker).toEqual(onThread);
  });

  it('is refused whole when copying the worker’s index fails after the table was made anew, and the connection goes on', () => {
    const { folder, db } = copyOfCorpus('copy-fails');
    try {
      const before = words(db);
      const highest = db.prepare('SELECT max(id) FROM Passage').pluck().get() as number;
      const load = db.transaction(() => {
        okapiPassages(db, [highest + 1], 'an okapi');
        const build = startWordIndexOnWorker(db, 'passage_words_fts', 16 << 20);
        try {
          build.awaitBuilt();
          // The worker's index spoilt once it is built: install() drops and makes the table, then fails reading it.
          writeFileSync(build.scratchFile, 'not a database, not even its header');
          build.install();
        } finally {
          build.dispose();
        }
      });
      expect(load).toThrow(/file is not a database/);
      expect(leftovers(folder)).toEqual([]);
      expect(words(db)).toEqual(before);
      expect(matching(db, 'okapi')).toEqual([]);
      db.exec(`INSERT INTO passage_words_fts (passage_words_fts, rank) VALUES ('integrity-check', 0)`);
      // The same connection saves through the triggers into the table as it was.
      okapiPassages(db, [highest + 2], 'an okapi');
      expect(matching(db, 'okapi')).toEqual([highest + 2]);
    } finally {
      db.close();
    }
  });

  it('fails, and leaves nothing behind, when the worker goes silent (one that never started, or ran out of memory)', () => {
    const { folder, db } = copyOfCorpus('worker-silent');
    // A worker that takes the passages and never says another word: it neither counts a step nor finishes.
    const silent = path.join(folder, 'silent-worker.mjs');
    writeFileSync(silent, "import { workerData } from 'node:worker_threads';\nworkerData.port.on('message', () => {});\n");
    try {
      const before = words(db);
      const highest = db.prepare('SELECT max(id) FROM Passage').pluck().get() as number;
      const load = db.transaction(() => {
        okapiPassages(db, [highest + 1], 'an okapi');
        const build = startWordIndexOnWorker(db, 'passage_words_fts', 16 << 20, { silenceMs: 1_500, entry: () => silent });
        try {
          build.install();
        } finally {
          build.dispose();
        }
      });
      const started = Date.now();
      expect(load).toThrow('The word index could not be built on its worker thread: it has not answered for 1.5 s. Nothing was loaded.');
      // Given up after the silence, not at once (nor after the default two minutes).
      expect(Date.now() - started).toBeGreaterThanOrEqual(1_500);
      expect(leftovers(folder)).toEqual([]);
      expect(words(db)).toEqual(before);
      expect(matching(db, 'okapi')).toEqual([]);
    } finally {
      db.close();
    }
  });

  it('fails with the worker’s own reason when the worker cannot build it', () => {
    const { folder, db } = copyOfCorpus('worker-fails');
    try {
      // FTS5 refuses a segment size of 0 bytes: the worker fails as it sets its table up, before any passage.
      const build = startWordIndexOnWorker(db, 'passage_words_fts', 0);
      try {
        expect(() => build.install()).toThrow(/The word index could not be built on its worker thread: SQL logic error\. Nothing was loaded\./);
      } finally {
        build.dispose();
      }
      expect(leftovers(folder)).toEqual([]);
    } finally {
      db.close();
    }
  });
});

describe('the stemmed index a bulk load leaves', () => {
  it('is one segment, however many the build wrote, and finds what the index in several found', () => {
    // The corpus indexed row by row, as the triggers leave it: in several segments.
    const file = path.join(mkdtempSync(path.join(dir, 'one-segment-')), 'archive.db');
    dbs.triggers.exec(`VACUUM INTO '${file}'`);
    const db = openDatabase(file);
    try {
      expect(segmentsOf(db, 'passage_fts')).toBeGreaterThan(1);
      const words = db.prepare(`SELECT term FROM passage_fts_vocab WHERE doc > 5 ORDER BY doc DESC LIMIT 20`).pluck().all() as string[];
      const matches = [...words, `"${words[1]} ${words[0]}"`, `${words[2]}*`];
      const before = matches.map((match) => scoredMatches(db, match));
      // A load of no new passages rebuilds the index whole; 64 KiB segments make its build write many.
      bulkLoadPassages(db, () => undefined, { segmentBytes: 1 << 16, wordIndexOnWorker: false });
      expect(segmentsOf(db, 'passage_fts')).toBe(1);
      expect(matches.map((match) => scoredMatches(db, match))).toEqual(before);
      expect(before.every((rows) => rows.length > 0)).toBe(true);
      db.exec(`INSERT INTO passage_fts (passage_fts, rank) VALUES ('integrity-check', 1)`);
    } finally {
      db.close();
    }
  });
});
