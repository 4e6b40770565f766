// Part 2's vectors: RANDOM unit vectors of the model's size, for time and size only, never quality.
import { normal } from '../lib/prng';

export function randomUnit(rand: () => number): Float32Array {
  const v = Float32Array.from({ length: 512 }, () => normal(rand));
  let n = 0;
  for (const x of v) n += x * x;
  return v.map((x) => x / Math.sqrt(n));
}
