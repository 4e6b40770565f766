// An in-process index of every chunk's sign bits (64 bytes a chunk), so that the Hamming
// pre-selection of meaning-based search reads memory instead of scanning the (model, bits) index
// in SQL: at 100,000 passages (164,000 chunks) the SQL scan took ~90 ms, this ~1 ms (sign-scan.ts).
//
// In step with the database: before each use the index asks its connection `PRAGMA data_version`
// (changes when any other connection commits) and, when it moved, reads the change log that the
// migration 20261202050000_passage_embedding_changes keeps by triggers (every insert, update and delete
// of a vector, whichever connection made it): the chunks of those passages only are dropped and read
// again. A log pruned past the index's last change, or too many dead slots, rebuilds it whole.
// The refresh, the pre-selection and the caller's rescoring run in one read transaction, so they
// all see the same snapshot of the database.
//
// Memory: 64 bytes of signs + 2 of distance (WebAssembly memory) + 15 of bookkeeping (passage, chunk,
// rowid, dead) a chunk, ~81 B: 13 MB at 100,000 passages, ~135 MB at 1,000,000 (1.64 chunks a passage);
// plus, while they fit the budget (setVectorMemoryBudget, 128 MiB), the int8 vectors, 512 B a chunk.
import 'server-only';
import type { Statement } from 'better-sqlite3';
import { type SqliteDb } from './connection';
import { ChunkSlots, VECTOR_BYTES, type ChunkKey } from './chunk-slots';
import { hamming, SIGN_BYTES } from './sign-scan';

export type { ChunkKey } from './chunk-slots';

/**
 * The index also keeps the int8 vectors (512 B a chunk) while they fit in this many bytes, so the
 * rescoring reads memory, not a few thousand random rows of the table: 128 MiB holds ~250,000 chunks
 * (~150,000 passages). Above it, the vectors are read from the table by rowid.
 */
let vectorBudget = 128 * 2 ** 20;
export function setVectorMemoryBudget(bytes: number): void {
  vectorBudget = bytes;
}

/** Past this share of dead slots (vectors deleted or replaced since the last build), rebuild. */
const MAX_DEAD_SHARE = 0.25;
/** More changed passages than this share of the index at once (a rebuild, a big import): reload whole. */
const MAX_CHANGED_SHARE = 0.1;

export interface VectorIndexStats {
  chunks: number;
  slots: number;
  capacity: number;
  /** Bytes held: the WebAssembly memory and the typed arrays. */
  bytes: number;
  builds: number;
  refreshes: number;
  lastBuildMs: number;
  lastRefreshMs: number;
  /** Whether the int8 vectors are in memory too (within the budget) or read from the table. */
  vectorsInMemory: boolean;
}

export class VectorIndex {
  private slots = new ChunkSlots(0, false);
  private seq = -1;
  private version = -1;
  private readonly statements = new Map<string, Statement>();
  readonly stats: VectorIndexStats = {
    chunks: 0,
    slots: 0,
    capacity: 0,
    bytes: 0,
    builds: 0,
    refreshes: 0,
    lastBuildMs: 0,
    lastRefreshMs: 0,
    vectorsInMemory: false,
  };

  constructor(
    private readonly db: SqliteDb,
    readonly model: string,
  ) {}

  /** Live chunks of the model (what `count(*)` of its vectors would say). */
  get count(): number {
    return this.slots.live;
  }

  private prepared(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  /**
   * Runs `fn` in one read transaction, after bringing the index up to that transaction's snapshot.
   * Only on the index's own connection: the caller's statements in `fn` see the same snapshot.
   */
  read<T>(fn: () => T): T {
    const version = this.db.pragma('data_version', { simple: true }) as number;
    this.db.exec('BEGIN');
    try {
      if (version !== this.version || this.seq < 0) {
        this.refresh();
        this.version = version;
      }
      return fn();
    } finally {
      this.db.exec('COMMIT');
    }
  }

  private lastSeq(): number {
    return (this.prepared(`SELECT coalesce(max(seq), 0) FROM PassageEmbeddingChange`).pluck().get() as number) ?? 0;
  }

  private refresh(): void {
    if (this.seq < 0) return this.build();
    const t0 = performance.now();
    const changes = this.prepared(`SELECT seq, passageId FROM PassageEmbeddingChange WHERE seq > ? ORDER BY seq`).raw().all(this.seq) as [number, number][];
    if (changes.length === 0) return;
    // Seq numbers have no gaps (AUTOINCREMENT, and a rolled-back insert rolls its number back too):
    // a gap means the log was pruned past what this index saw.
    if (changes[0][0] !== this.seq + 1) return this.build();
    const passages = [...new Set(changes.map(([, id]) => id))];
    const slots = this.slots;
    if (passages.length > Math.max(1000, slots.live * MAX_CHANGED_SHARE)) return this.build();
    for (const id of passages) slots.drop(id);
    const rows = this.prepared(
      // CROSS JOIN: the changed passages lead, through the key (passageId, chunk); left to itself the
      // planner read every chunk of the model through (model, bits) (600 ms at 164,000 chunks).
      `SELECT e.rowid, e.passageId, e.chunk, e.bits, ${slots.withVectors ? 'e.vector' : 'NULL'} FROM json_each(?) j
       CROSS JOIN PassageEmbedding e ON e.passageId = j.value WHERE e.model = ? ORDER BY e.passageId, e.chunk`,
    )
      .raw()
      .all(JSON.stringify(passages), this.model) as [number, number, number, Buffer, Buffer | null][];
    slots.reserve(slots.size + rows.length);
    for (const [rowid, passageId, chunk, bits, vector] of rows) slots.put(rowid, passageId, chunk, bits, vector, true);
    this.seq = changes[changes.length - 1][0];
    if (slots.size - slots.live > Math.max(1000, slots.size * MAX_DEAD_SHARE)) return this.build();
    this.stats.refreshes += 1;
    this.stats.lastRefreshMs = performance.now() - t0;
    this.updateStats();
  }

  /** Reads every chunk of the model, in (passageId, chunk) order. */
  private build(): void {
    const t0 = performance.now();
    const seq = this.lastSeq();
    const total = this.prepared(`SELECT count(*) FROM PassageEmbedding WHERE model = ?`).pluck().get(this.model) as number;
    // Room for what refreshes will add before the next build.
    const capacity = Math.ceil(total * 1.05) + 64;
    const slots = new ChunkSlots(capacity, capacity * VECTOR_BYTES <= vectorBudget);
    for (const [rowid, passageId, chunk, bits, vector] of this.prepared(
      `SELECT rowid, passageId, chunk, bits, ${slots.withVectors ? 'vector' : 'NULL'} FROM PassageEmbedding WHERE model = ? ORDER BY passageId, chunk`,
    )
      .raw()
      .iterate(this.model) as Iterable<[number, number, number, Buffer, Buffer | null]>) {
      slots.put(rowid, passageId, chunk, bits, vector);
    }
    slots.sealOrder();
    this.slots = slots;
    this.seq = seq;
    this.stats.builds += 1;
    this.stats.lastBuildMs = performance.now() - t0;
    this.updateStats();
  }

  /**
   * The `keep` chunks nearest `query` by Hamming distance, ties by (passageId, chunk): over every chunk,
   * or over the chunks of `passages` only (a filter's passages).
   */
  nearest(query: Uint8Array, keep: number, passages?: Iterable<number>): ChunkKey[] {
    const slots = this.slots;
    if (keep <= 0 || slots.live === 0) return [];
    if (passages) {
      const scored: { slot: number; d: number }[] = [];
      for (const id of passages) for (const slot of slots.slotsOf(id)) scored.push({ slot, d: hamming(slots.memory.bits, slot * SIGN_BYTES, query) });
      scored.sort((a, b) => a.d - b.d || slots.order(a.slot, b.slot));
      return scored.slice(0, keep).map(({ slot }) => slots.key(slot));
    }
    const { dead, size } = slots;
    const distances = slots.memory.scan(query, size);
    const histogram = new Uint32Array(SIGN_BYTES * 8 + 1);
    for (let s = 0; s < size; s++) if (!dead[s]) histogram[distances[s]]++;
    // The threshold: every chunk nearer than `limit` is kept, and those at `limit` by key order.
    let limit = 0;
    let below = 0;
    while (limit < histogram.length && below + histogram[limit] < keep) below += histogram[limit++];
    const kept: number[] = [];
    const ties: number[] = [];
    for (let s = 0; s < size; s++) {
      if (dead[s]) continue;
      const d = distances[s];
      if (d < limit) kept.push(s);
      else if (d === limit) ties.push(s);
    }
    ties.sort((a, b) => slots.order(a, b));
    for (const s of ties.slice(0, keep - kept.length)) kept.push(s);
    return kept.map((slot) => slots.key(slot));
  }

  /**
   * Reads everything again, inside `read`: for a snapshot in which a chunk's rowid no longer names it
   * (a VACUUM renumbers the rowids of a table without an INTEGER PRIMARY KEY, and logs nothing).
   */
  rebuild(): void {
    this.build();
  }

  /** Forgets everything: the next read builds the index again (after a change of the memory budget). */
  invalidate(): void {
    this.seq = -1;
  }

  /** Whether the index keeps the int8 vectors (else the rescoring reads them from the table). */
  get hasVectors(): boolean {
    return this.slots.withVectors;
  }

  /** See ChunkSlots.dotAndNorm. */
  dotAndNorm(slot: number, query: Int8Array): [number, number] {
    return this.slots.dotAndNorm(slot, query);
  }

  /** Every live chunk the index holds, in (passageId, chunk) order, its signs in hex: to check it against the table. */
  liveChunks(): { passageId: number; chunk: number; bits: string }[] {
    return this.slots.liveChunks();
  }

  private updateStats(): void {
    const { live, size, capacity, bytes, withVectors } = this.slots;
    Object.assign(this.stats, { chunks: live, slots: size, capacity, bytes, vectorsInMemory: withVectors });
  }
}
