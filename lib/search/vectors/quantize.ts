// A vector as stored: its signs (one bit a dimension, for the Hamming pre-selection) and int8 values
// (for rescoring by cosine). Each vector is scaled so its largest component is ±127: cosine does not
// see the scale, and the small components of a unit vector keep their precision (a fixed scale of
// 127 would round most of USE-lite's components, about ±0.04, to a handful of levels).
import 'server-only';
import type { ChunkVector } from '@/lib/db';

export function quantize(v: Float32Array): ChunkVector {
  const bits = new Uint8Array(Math.ceil(v.length / 8));
  let max = 0;
  v.forEach((x, i) => {
    // Dimension i is bit (i % 8) of byte i / 8; Hamming distance needs only that queries and passages agree.
    if (x > 0) bits[i >> 3] |= 1 << (i & 7);
    max = Math.max(max, Math.abs(x));
  });
  const scale = max > 0 ? 127 / max : 0;
  return { bits, vector: Int8Array.from(v, (x) => Math.round(x * scale)) };
}
