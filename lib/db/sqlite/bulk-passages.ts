// A bulk load of passages (an import of an archive, the benchmark's corpus) with the passage search
// triggers off and the passage indexes built once at the end, in one pass, instead of row by row:
// per row each trigger looks up the speaker and the title and feeds FTS5 one passage at a time.
// The three other triggers a new passage fires (it waits for its embedding and for the ranking lists,
// and the lists' counts note it had no earlier state) are off too, and their rows are written in one
// statement each at the end: with any trigger on Passage, each insert cost ~35 µs more (100,000
// passages: 4.7 s of inserts against 1.3 s without).
// Everything runs in one transaction, so a failure leaves the triggers and the indexes as they were;
// the result is what the triggers would have built (tests/integration/search/bulk-load.test.ts
// builds a corpus both ways and compares).
import 'server-only';
import type { SqliteDb } from './connection';
import { mergeIntoOneSegment, PASSAGE_INDEXES, type PassageIndex } from './index-segments';
import { startWordIndexOnWorker } from './word-index-on-worker';

/** The triggers (migration 20261202030000) that keep passage_fts and passage_words_fts in step with Passage, Speaker and Document. */
const SEARCH_TRIGGERS = [
  'passage_search_after_insert',
  'passage_search_before_delete',
  'passage_search_before_update',
  'passage_search_after_update',
  'speaker_search_before_rename',
  'speaker_search_after_rename',
  'speaker_search_before_delete',
  'document_search_before_retitle',
  'document_search_after_retitle',
  'document_search_before_delete',
];

/**
 * The triggers that mark a new passage as waiting (and as new, for the ranking lists' counts), each
 * with the statement that marks every passage the load inserted (ids above `before`, the highest id
 * before it) at once, as the trigger does one at a time.
 * `+id` lets SQLite read the ids from the smallest index on Passage (every entry holds its row's id)
 * rather than walk the rows with their text: at 1,000,000 passages both marks took 0.3 s, where one
 * count along the rows took 0.3 s with its pages in memory and 1.8 s without. ORDER BY keeps the marks
 * in id order, so the waiting list's pages are filled as the trigger fills them (unordered, the file
 * grew by 0.8 MB).
 */
const PENDING_TRIGGERS: { name: string; markInserted: string }[] = [
  {
    name: 'passage_embedding_pending_after_passage_insert',
    markInserted: 'INSERT OR IGNORE INTO PassageEmbeddingPending (passageId) SELECT id FROM Passage WHERE +id > :before ORDER BY +id',
  },
  {
    name: 'term_impact_after_insert',
    markInserted:
      'INSERT OR IGNORE INTO TermImpactPending (passageId) SELECT id FROM Passage WHERE +id > :before AND EXISTS (SELECT 1 FROM TermImpactBuild) ORDER BY +id',
  },
  {
    name: 'term_impact_capture_insert',
    markInserted:
      'INSERT OR IGNORE INTO TermImpactBefore (passageId, indexed) SELECT id, 0 FROM Passage WHERE +id > :before AND EXISTS (SELECT 1 FROM TermImpactBuild) ORDER BY +id',
  },
];

/** FTS5's default: its pending terms are written out as a new segment at every 1 MiB. */
const DEFAULT_HASH_SIZE = 1 << 20;
/**
 * For the one-pass build: 1 MiB segments make thousands of small segments, merged again and again as
 * they pile up. With 16 MiB the two indexes of 100,000 passages build in 3.1 s instead of 6.2 s.
 */
const BULK_HASH_SIZE = 16 << 20;

/**
 * From this many passages on, the plain word index is built on a worker thread while this one builds
 * the stemmed index (word-index-on-worker.ts); below it, starting a thread and a scratch file costs
 * more than it saves.
 */
export const WORD_INDEX_WORKER_MIN_PASSAGES = 20_000;

/** FTS5's defaults for merging an index's segments as saves add them: at 4 of a size, and at 16 whatever it costs. */
const DEFAULT_MERGING = { automerge: 4, crisismerge: 16 };
/**
 * For the one-pass build of the stemmed index: no merging while it writes, then one merge of all it
 * wrote (mergeIntoOneSegment). Merging as it went rewrote the same entries again and again: rebuilding
 * a copy of the 1,000,000-passage corpus took 25.0 s and left 9 segments, and merging those took 3.6 s
 * more; without, 18.8 s and 23 segments, merged in 3.4 s. `crisismerge` cannot be turned off (0 or 1
 * mean FTS5's 16), only set higher than the build's segments.
 */
const BULK_MERGING = { automerge: 0, crisismerge: 1000 };

/** One of FTS5's settings of `table` (kept in its %_config table); a literal, as FTS5 takes only an INTEGER. */
function setIndexOption(db: SqliteDb, table: PassageIndex, option: string, value: number) {
  db.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('${option}', ${Math.trunc(value)})`);
}

/** How FTS5 merges the segments of `table`. */
function setMerging(db: SqliteDb, table: PassageIndex, merging: typeof DEFAULT_MERGING) {
  for (const [option, value] of Object.entries(merging)) setIndexOption(db, table, option, value);
}

/** FTS5's 'hashsize' for both passage indexes. */
function setHashSize(db: SqliteDb, bytes: number) {
  for (const table of PASSAGE_INDEXES) setIndexOption(db, table, 'hashsize', bytes);
}

/** What the passages hold before a load: their count and their highest id. */
function passageExtent(db: SqliteDb): { count: number; highest: number } {
  return db.prepare('SELECT count(*) AS count, coalesce(max(id), 0) AS highest FROM Passage').get() as { count: number; highest: number };
}

export interface BulkLoadOptions {
  /** The plain word index built on a worker thread (true) or on this one (false); unset, by the load's size. */
  wordIndexOnWorker?: boolean;
  /** FTS5's 'hashsize' for the build: how much it holds in memory before writing it out as a segment (default BULK_HASH_SIZE); a test's smaller one makes a small load write several. */
  segmentBytes?: number;
}

/**
 * Runs `load` (inserts of passages, speakers, documents; no updates or deletes of rows already
 * indexed; new passages' ids above every earlier one, as SQLite gives them) with the passage triggers
 * dropped, then rebuilds both passage indexes from the tables (the stemmed one merged into one
 * segment), marks the new passages as waiting for their embeddings and the ranking lists, and puts the
 * triggers back, all in one transaction.
 */
export function bulkLoadPassages<T>(db: SqliteDb, load: () => T, options: BulkLoadOptions = {}): T {
  return db.transaction(() => {
    const names = [...SEARCH_TRIGGERS, ...PENDING_TRIGGERS.map((t) => t.name)];
    const triggers = names.map((name) => {
      const row = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?").get(name) as { sql: string } | undefined;
      if (!row) throw new Error(`bulkLoadPassages: the passage trigger ${name} is missing; is the database migrated?`);
      return row.sql;
    });
    for (const name of names) db.exec(`DROP TRIGGER "${name}"`);
    const before = passageExtent(db);
    const result = load();
    // The marks below reach only ids above the earlier highest one: a passage given a lower id would go unmarked.
    // `+id`, as in the marks: counted along the smallest index (1,000,000 passages: 73 ms, not 340 from the rows).
    const inserted = db.prepare('SELECT count(*) FROM Passage WHERE +id > ?').pluck().get(before.highest) as number;
    const { count } = passageExtent(db);
    if (inserted !== count - before.count)
      throw new Error(
        `bulkLoadPassages: ${count - before.count - inserted} of the new passages would not be marked as waiting: their ids are below the highest one before the load. Nothing was loaded.`,
      );
    for (const { markInserted } of PENDING_TRIGGERS) db.prepare(markInserted).run({ before: before.highest });
    const segmentBytes = options.segmentBytes ?? BULK_HASH_SIZE;
    setHashSize(db, segmentBytes);
    const onWorker = options.wordIndexOnWorker ?? count >= WORD_INDEX_WORKER_MIN_PASSAGES;
    const words = onWorker ? startWordIndexOnWorker(db, 'passage_words_fts', segmentBytes) : null;
    try {
      setMerging(db, 'passage_fts', BULK_MERGING);
      // External content: FTS5 reads every row of passage_fts_source, in id order, and indexes it.
      db.exec(`INSERT INTO passage_fts (passage_fts) VALUES ('rebuild')`);
      // Without this merge the load left the index in several segments (11 in the benchmark's corpus of
      // 1,000,000 passages, 3 in that of 100,000); in one, a never-asked search ran 4-6% faster at
      // 100,000 passages and 6-7% at 1,000,000 (bench/results/search-api-tail/README.md, stop 55). The
      // pages the old segments held can be reused by what is written next (in the benchmark's load, the
      // ranking lists). The result sits at level 1, within reach of the saves' merging: see
      // index-segments.ts.
      mergeIntoOneSegment(db, 'passage_fts');
      setMerging(db, 'passage_fts', DEFAULT_MERGING);
      if (words) words.install();
      else {
        // Contentless: emptied, then given every passage's text once.
        db.exec(`INSERT INTO passage_words_fts (passage_words_fts) VALUES ('delete-all')`);
        db.exec('INSERT INTO passage_words_fts (rowid, text) SELECT id, text FROM Passage ORDER BY id');
      }
    } finally {
      words?.dispose();
    }
    setHashSize(db, DEFAULT_HASH_SIZE);
    for (const sql of triggers) db.exec(sql);
    return result;
  })();
}
