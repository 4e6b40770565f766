// The segments of the two passage indexes (FTS5's b-trees, each holding part of every word's list).
// Every lookup and every walk of a word's list reads each segment and merges what they hold, so a
// search costs more the more there are, and the more of the index lies outside the largest. A bulk load
// leaves the stemmed index in one (bulk-passages.ts). Every save adds one more, and FTS5's own merging
// (4 of a level into one, a little of it in each save) keeps them few, not one; once a level holds
// the big segment and three small ones, it rewrites the big one too, spread over the saves that
// follow. 'optimize' puts its result one level above the highest in use: level 1 after a bulk load
// (the first rewrite began at the 64th save on the 100,000-passage corpus), level 5 after 5,000 saves
// at 1,000,000 passages (1,000 saves later it was untouched). After 5,000 single-passage saves on the
// benchmark's corpus, merging made a never-asked search 11-13% faster at 100,000 passages (19
// segments) and 17-19% at 1,000,000 (91, in a rewrite of the big one a quarter done)
// (bench/results/search-api-tail/README.md, stop 56). `npm start` merges an index worth it
// (indexesWorthMerging) back into one before it serves, and `npm run search:index -- --merge` merges
// each at any time (mergePassageIndexes). Not in the background while the server runs: merging in
// short steps, each its own commit, made searches ten times slower at 1,000,000 passages for the
// merge's 40 s, most likely because every commit drops what the search threads keep of the archive
// (stop 57).
import 'server-only';
import type { Writer } from '../writer';
import type { SqliteDb } from './connection';

/** The passage indexes: stemmed words (external content) and plain words (contentless). */
export const PASSAGE_INDEXES = ['passage_fts', 'passage_words_fts'] as const;
export type PassageIndex = (typeof PASSAGE_INDEXES)[number];

/** How a passage index is cut. */
export interface IndexShape {
  segments: number;
  /** The share of its leaf pages outside the largest segment (0 in one). */
  outsideLargest: number;
}

/**
 * How `table` is cut now, from its %_idx table: a row for each leaf page where a word's list starts.
 * That undercounts the pages of long lists, which only a big segment holds, so the share outside the
 * largest errs high.
 */
export function shapeOf(db: SqliteDb, table: PassageIndex): IndexShape {
  const pages = db.prepare(`SELECT count(*) FROM ${table}_idx GROUP BY segid ORDER BY 1 DESC`).pluck().all() as number[];
  const total = pages.reduce((sum, n) => sum + n, 0);
  return { segments: pages.length, outsideLargest: total === 0 ? 0 : (total - pages[0]!) / total };
}

/** How many segments `table` holds now. */
export function segmentsOf(db: SqliteDb, table: PassageIndex): number {
  return shapeOf(db, table).segments;
}

/**
 * When `npm start` merges an index before it serves (`search:index -- --merge` merges any index in
 * more than one segment): in an archive of at least `minPassages`, at least `outsideLargest` of its
 * leaf pages outside its largest segment. Not the count of segments: after a merge, 7 saves at
 * 1,000,000 passages made 8 segments and 1,000 made 17, with 0.9% of the leaf pages outside the largest
 * and searches as fast as merged; the 5,000 saves above left 4.9% outside at 100,000 passages and 23%
 * at 1,000,000. 2% is a choice between those measured points. So is the size, unmeasured below 100,000
 * passages: it keeps small archives, such as the seeded one (several small segments, searches in a
 * millisecond), out of it.
 */
export const MERGE_THRESHOLD = { minPassages: 10_000, outsideLargest: 0.02 };

/** A passage index worth merging, and how it is cut. */
export interface IndexToMerge {
  table: PassageIndex;
  shape: IndexShape;
}

/**
 * The passage indexes worth merging (MERGE_THRESHOLD), with their shapes: the shapes first (1.3 ms
 * for the stemmed index at 1,000,000 passages), and the count of passages (a scan of them) only when
 * one is cut up enough.
 */
export function indexesWorthMerging(db: SqliteDb): IndexToMerge[] {
  const cutUp = PASSAGE_INDEXES.map((table) => ({ table, shape: shapeOf(db, table) })).filter(
    ({ shape }) => shape.outsideLargest >= MERGE_THRESHOLD.outsideLargest,
  );
  if (cutUp.length === 0) return [];
  const passages = db.prepare('SELECT count(*) FROM Passage').pluck().get() as number;
  return passages >= MERGE_THRESHOLD.minPassages ? cutUp : [];
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
 * Merges each passage index (or those named) into one segment, each in a write transaction of its own
 * so the write lock is held for one index at a time (after those 5,000 saves at 1,000,000 passages:
 * 4.5 s for the stemmed index, 2.8 s for the plain one). A save waits for it up to the writer's busy
 * timeout (5 s) and fails after: best run while no one is editing. Searches go on meanwhile, reading
 * the last committed state. The merged index is written whole before the old segments are freed (in the
 * write-ahead log first): room for a second copy of it is needed, and the file keeps the freed pages
 * for what is written next.
 */
export function mergePassageIndexes(writer: Writer, tables: readonly PassageIndex[] = PASSAGE_INDEXES): MergeReport[] {
  return tables.map((table) =>
    writer.write((db) => {
      const started = performance.now();
      const before = segmentsOf(db, table);
      if (before > 1) mergeIntoOneSegment(db, table);
      return { table, before, after: segmentsOf(db, table), seconds: (performance.now() - started) / 1000 };
    }),
  );
}
