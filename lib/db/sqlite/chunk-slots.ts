// The vector index's storage: one slot a chunk, in parallel typed arrays (the sign bits in WebAssembly
// memory for sign-scan.ts, the passage, chunk, rowid, a dead mark and, within the memory budget, the
// int8 vector and its length). Slots [0, sortedEnd) are in (passageId, chunk) order, as a build reads
// them; a refresh appends the chunks of changed passages after them (`tail`) and marks the old dead.
import 'server-only';
import { SIGN_BYTES, SignMemory } from './sign-scan';

/** A chunk: its passage and number (the key of PassageEmbedding), its rowid when the index read it, its slot. */
export interface ChunkKey {
  passageId: number;
  chunk: number;
  rowid: number;
  slot: number;
}

/** Bytes of a chunk's int8 vector: one a dimension. */
export const VECTOR_BYTES = SIGN_BYTES * 8;

export class ChunkSlots {
  memory = new SignMemory(0);
  private passageIds = new Int32Array(0);
  private rowids = new Float64Array(0);
  private vectors = new Int8Array(0);
  /** Each kept vector's length, sqrt of its sum of squares (as sqlite-vec computes it). */
  private norms = new Float64Array(0);
  private chunks = new Uint16Array(0);
  dead = new Uint8Array(0);
  /** Slots in use. */
  size = 0;
  /** Slots not marked dead. */
  live = 0;
  private sortedEnd = 0;
  private tail = new Map<number, number[]>();

  constructor(
    capacity: number,
    /** Whether the int8 vectors are kept (decided at each build, by the budget). */
    readonly withVectors: boolean,
  ) {
    this.allocate(capacity);
  }

  get capacity(): number {
    return this.memory.capacity;
  }

  /** Bytes held: the WebAssembly memory and the typed arrays. */
  get bytes(): number {
    return this.capacity * (SIGN_BYTES + 2 + 4 + 8 + 2 + 1) + SIGN_BYTES + this.vectors.byteLength + this.norms.byteLength;
  }

  /** Marks the slots so far as the ordered part, searched by bisection (end of a build). */
  sealOrder(): void {
    this.sortedEnd = this.size;
  }

  /** Stores a chunk in the next slot (growing when full); `appended` for a refresh's chunks, after the ordered part. */
  put(rowid: number, passageId: number, chunk: number, bits: Buffer, vector: Buffer | null, appended = false): number {
    if (bits.length !== SIGN_BYTES) throw new Error(`PassageEmbedding ${passageId}/${chunk}: ${bits.length} bytes of signs, not ${SIGN_BYTES}`);
    if (this.withVectors && vector?.length !== VECTOR_BYTES)
      throw new Error(`PassageEmbedding ${passageId}/${chunk}: ${vector?.length} bytes of vector, not ${VECTOR_BYTES}`);
    if (this.size === this.capacity) this.grow(this.size + 1);
    const slot = this.size++;
    if (this.withVectors) {
      const values = new Int8Array(vector!.buffer, vector!.byteOffset, VECTOR_BYTES);
      this.vectors.set(values, slot * VECTOR_BYTES);
      let sum = 0;
      for (let i = 0; i < VECTOR_BYTES; i++) sum += values[i] * values[i];
      this.norms[slot] = Math.sqrt(sum);
    }
    this.memory.bits.set(bits, slot * SIGN_BYTES);
    this.passageIds[slot] = passageId;
    this.rowids[slot] = rowid;
    this.chunks[slot] = chunk;
    this.dead[slot] = 0;
    this.live += 1;
    if (appended) {
      const slots = this.tail.get(passageId);
      if (slots) slots.push(slot);
      else this.tail.set(passageId, [slot]);
    }
    return slot;
  }

  /** Makes room for at least `atLeast` slots in all, in one step (before a refresh appends many). */
  reserve(atLeast: number): void {
    if (atLeast > this.capacity) this.grow(atLeast);
  }

  /** The live slots of a passage's chunks. */
  slotsOf(passageId: number): number[] {
    const slots: number[] = [];
    let lo = 0;
    let hi = this.sortedEnd;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.passageIds[mid] < passageId) lo = mid + 1;
      else hi = mid;
    }
    for (let s = lo; s < this.sortedEnd && this.passageIds[s] === passageId; s++) if (!this.dead[s]) slots.push(s);
    for (const s of this.tail.get(passageId) ?? []) if (!this.dead[s]) slots.push(s);
    return slots;
  }

  /** Marks a passage's chunks dead. */
  drop(passageId: number): void {
    for (const slot of this.slotsOf(passageId)) {
      this.dead[slot] = 1;
      this.live -= 1;
    }
    this.tail.delete(passageId);
  }

  /** Key order, (passageId, chunk): how ties between equal distances are broken. */
  order(a: number, b: number): number {
    return this.passageIds[a] - this.passageIds[b] || this.chunks[a] - this.chunks[b];
  }

  key(slot: number): ChunkKey {
    return { passageId: this.passageIds[slot], chunk: this.chunks[slot], rowid: this.rowids[slot], slot };
  }

  /**
   * The dot product of a slot's kept int8 vector with `query`, and the vector's length: what
   * sqlite-vec's cosine sums (exactly: integers below 2^24).
   */
  dotAndNorm(slot: number, query: Int8Array): [number, number] {
    const v = this.vectors;
    const at = slot * VECTOR_BYTES;
    let dot = 0;
    for (let i = 0; i < VECTOR_BYTES; i++) dot += v[at + i] * query[i];
    return [dot, this.norms[slot]];
  }

  /** Every live chunk, in (passageId, chunk) order, its signs in hex: to check the index against the table. */
  liveChunks(): { passageId: number; chunk: number; bits: string }[] {
    const out: { passageId: number; chunk: number; bits: string }[] = [];
    for (let s = 0; s < this.size; s++) {
      if (this.dead[s]) continue;
      const bits = Buffer.from(this.memory.bits.subarray(s * SIGN_BYTES, (s + 1) * SIGN_BYTES)).toString('hex');
      out.push({ passageId: this.passageIds[s], chunk: this.chunks[s], bits });
    }
    return out.sort((a, b) => a.passageId - b.passageId || a.chunk - b.chunk);
  }

  private allocate(capacity: number): void {
    this.memory = new SignMemory(capacity);
    this.passageIds = new Int32Array(capacity);
    this.rowids = new Float64Array(capacity);
    this.vectors = new Int8Array(this.withVectors ? capacity * VECTOR_BYTES : 0);
    this.norms = new Float64Array(this.withVectors ? capacity : 0);
    this.chunks = new Uint16Array(capacity);
    this.dead = new Uint8Array(capacity);
  }

  private grow(atLeast: number): void {
    const { memory, passageIds, rowids, vectors, norms, chunks, dead, size } = this;
    this.allocate(Math.max(atLeast, Math.ceil(memory.capacity * 1.5) + 64));
    this.memory.bits.set(memory.bits.subarray(0, size * SIGN_BYTES));
    this.passageIds.set(passageIds.subarray(0, size));
    this.rowids.set(rowids.subarray(0, size));
    if (this.withVectors) this.vectors.set(vectors.subarray(0, size * VECTOR_BYTES));
    if (this.withVectors) this.norms.set(norms.subarray(0, size));
    this.chunks.set(chunks.subarray(0, size));
    this.dead.set(dead.subarray(0, size));
  }
}
