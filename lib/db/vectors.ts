// What meaning-based search asks of an engine: where passages' vectors are kept and how the nearest
// ones to a query's vector are found. SQLite's answer is lib/db/sqlite/vectors.ts (a plain table,
// with sqlite-vec's Hamming and cosine functions); PostgreSQL's is lib/db/postgres/vectors.ts (the
// same table, the signs read as bit strings and compared with bit_count(a # b), no pgvector needed,
// the candidates rescored by the same cosine in JavaScript).
import 'server-only';
import type { QueryDb, Sql } from './query';
import type { WriteDb } from './sqlite/writer';

/** One chunk's vector: its signs (one bit a dimension) and its int8 values. */
export interface ChunkVector {
  bits: Uint8Array;
  vector: Int8Array;
}

/** A query's vector, in the same two forms. */
export type QueryVector = ChunkVector;

export interface VectorStatements {
  /** Passages (id, text) that have no vectors of `model`, drafts and deleted documents' passages too. */
  pending(db: WriteDb, model: string, limit: number): { id: number; text: string }[];
  /** How many passages `pending` would give, without a limit. */
  countPending(db: WriteDb, model: string): number;
  /**
   * Replaces a passage's vectors with `chunks`, only if its text is still `text` (else it was edited
   * while being embedded, and the new text is pending again). Returns whether it stored them.
   */
  store(db: WriteDb, passageId: number, text: string, model: string, chunks: ChunkVector[]): boolean;
  /** Forgets every vector (a rebuild). */
  clear(db: WriteDb): void;
  /**
   * Rows (id, distance, considered) for the passages nearest to `query`, one row per passage (its best
   * chunk), best first, at most `limit`. Candidates: the chunks of `model` nearest by Hamming distance
   * of their signs (as many as `preselect` or `preselectShare` of them say), rescored by the cosine distance of their int8 vectors (0 = same
   * direction, 2 = opposite). `considered` is how many chunks the pre-selection kept.
   */
  nearest(query: ChunkVector, model: string, options: NearestOptions): Sql;
  /**
   * The same rows as `nearest` (ties in the pre-selection broken by passage and chunk in both), its
   * pre-selection made in memory by an index of the signs kept in step with the database `db` reads.
   */
  nearestIndexed(db: QueryDb, query: ChunkVector, model: string, options: NearestOptions): Promise<NearestRow[]>;
}

/** A row of `nearest`: a passage, the cosine distance of its best chunk, how many chunks were rescored. */
export interface NearestRow {
  id: number | bigint;
  distance: number;
  considered: number | bigint;
}

export interface NearestOptions {
  /** The pre-selection keeps at least this many chunks… */
  preselect: number;
  /** …or this share of all chunks of the model, when that is more… */
  preselectShare: number;
  /** …but never more than this many (the rescoring's cost grows with it). */
  preselectMax: number;
  limit: number;
  /** Conditions on Passage `p` and its Document `d` (which documents are public, one document). */
  passageWhere: Sql;
  /** Conditions on the row source `x` (id, kind, speakerId, publishedOn, publishedUntil): lib/search's filters. */
  where: Sql;
  /**
   * Apply the conditions before the pre-selection rather than after it: for filters that keep few
   * passages, which an unfiltered pre-selection might hold none of.
   */
  filterFirst: boolean;
}

/** A connection on which `nearest` runs (the engine's vector functions loaded); null where they cannot be. */
export type VectorReaderLookup = (db: QueryDb) => Promise<QueryDb | null>;
