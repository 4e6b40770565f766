// The segments of the two passage indexes (FTS5's b-trees, each holding part of every word's list).
// Every lookup and every walk of a word's list reads each segment and merges what they hold, so a
// search costs more the more there are. A bulk load leaves the stemmed index in one (bulk-passages.ts);
// every save adds one more, and FTS5's own merging (4 of a size into one) keeps them few, not one:
// 5,000 single-passage saves left the stemmed index of the benchmark's corpus in 19 segments at 100,000
// passages and 91 at 1,000,000, and a never-asked search 11-13% and 17-19% slower than after merging
// them (bench/results/search-api-tail/README.md, stop 56). `npm run search:index -- --merge` merges
// them back into one (mergePassageIndexes).
import 'server-only';
import type { Writer } from '../writer';
import type { SqliteDb } from './connection';

/** The passage indexes: stemmed words (external content) and plain words (contentless). */
export const PASSAGE_INDEXES = ['passage_fts', 'passage_words_fts'] as const;
export type PassageIndex = (typeof PASSAGE_INDEXES)[number];

/**
 * From this many segments of the stemmed index on, `npm start` suggests merging them. 19 made searches
 * 11-13% slower (measured above); a few are what FTS5's merging keeps after any run of saves.
 */
export const SEGMENTS_WORTH_MERGING = 8;

/** How many segments `table` holds now (its %_idx table has a row per leaf page of each segment, keyed by the segment's id). */
export function segmentsOf(db: SqliteDb, table: PassageIndex): number {
  return db.prepare(`SELECT count(DISTINCT segid) FROM ${table}_idx`).pluck().get() as number;
}

/** Merges `table` into one segment (FTS5's 'optimize'), in the caller's transaction. */
export function mergeIntoOneSegment(db: SqliteDb, table: PassageIndex): void {
  db.exec(`INSERT INTO ${table} (${table}) VALUES ('optimize')`);
}

export interface MergeReport {
  table: PassageIndex;
  /** Segments before and after the merge (an index already in one, or empty, is left alone). */
  before: number;
  after: number;
  seconds: number;
}

/**
 * Merges each passage index into one segment, each in a write transaction of its own so the write
 * lock is held for one index at a time (after those 5,000 saves at 1,000,000 passages: 4.5 s for the
 * stemmed index, 2.8 s for the plain one; saves wait for it up to the writer's busy timeout). Searches
 * go on meanwhile: they read the last committed state.
 */
export function mergePassageIndexes(writer: Writer): MergeReport[] {
  return PASSAGE_INDEXES.map((table) =>
    writer.write((db) => {
      const started = performance.now();
      const before = segmentsOf(db, table);
      if (before > 1) mergeIntoOneSegment(db, table);
      return { table, before, after: segmentsOf(db, table), seconds: (performance.now() - started) / 1000 };
    }),
  );
}
