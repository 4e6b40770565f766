// What the stored form (int8 vectors, Hamming pre-selection by the signs) costs in quality, on the
// model's real vectors: recall@10 against exact float32 cosine.
import type { ChunkVector } from '@/lib/db';
import { quantize } from '@/lib/search/vectors/quantize';

/** recall@10 of the stored forms against exact float cosine, a passage scoring by its best chunk. */
export function quality(chunks: { passage: number; float: Float32Array; stored: ChunkVector }[], queries: Float32Array[]) {
  const dot = (a: ArrayLike<number>, b: ArrayLike<number>) => {
    let s = 0;
    for (let i = 0; i < a.length; i++) s += a[i] * b[i];
    return s;
  };
  const cosine = (a: ArrayLike<number>, b: ArrayLike<number>) => dot(a, b) / Math.sqrt(dot(a, a) * dot(b, b));
  const hamming = (a: Uint8Array, b: Uint8Array) => {
    let d = 0;
    for (let i = 0; i < a.length; i++) for (let x = a[i] ^ b[i]; x; x &= x - 1) d++;
    return d;
  };
  const top = (scored: { passage: number; score: number }[]) => {
    const best = new Map<number, number>();
    for (const { passage, score } of scored) best.set(passage, Math.max(best.get(passage) ?? -Infinity, score));
    return [...best]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 10)
      .map(([p]) => p);
  };
  const recall = (a: number[], b: number[]) => a.filter((x) => b.includes(x)).length / b.length;
  const shares = [1, 1 / 4, 1 / 8, 1 / 16];
  const rows: { preselect: string; recall: number }[] = [];
  const exact = queries.map((q) => top(chunks.map((c) => ({ passage: c.passage, score: cosine(q, c.float) }))));
  for (const share of shares) {
    const k = Math.max(10, Math.round(chunks.length * share));
    let sum = 0;
    queries.forEach((q, i) => {
      const stored = quantize(q);
      const candidates = chunks
        .map((c) => ({ c, d: hamming(stored.bits, c.stored.bits) }))
        .sort((a, b) => a.d - b.d)
        .slice(0, k);
      sum += recall(top(candidates.map(({ c }) => ({ passage: c.passage, score: cosine(stored.vector, c.stored.vector) }))), exact[i]);
    });
    rows.push({
      preselect: share === 1 ? `all ${chunks.length} chunks (int8 only)` : `${k} of ${chunks.length} chunks (1/${1 / share})`,
      recall: sum / queries.length,
    });
  }
  return rows;
}
