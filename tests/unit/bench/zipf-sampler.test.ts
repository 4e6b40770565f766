// The Zipf sampler's guided search (bench/lib/prng.ts) draws the very rank a search over every rank
// does, so the benchmark's corpus is the same as before it: for random draws, for draws at the edges of
// the guide's slices, and for draws at (and just around) the cumulative shares themselves.
import { describe, expect, it } from 'vitest';
import { stream, ZipfSampler } from '@/bench/lib/prng';

/** The cumulative shares of the ranks, as the sampler computes them. */
function cumulativeShares(n: number, s: number): Float64Array {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) cumulative[i] = total += 1 / Math.pow(i + 1, s);
  for (let i = 0; i < n; i++) cumulative[i] /= total;
  return cumulative;
}

/** The first rank whose cumulative share reaches x (the last if none does): the search the guide narrows. */
function rankOverEveryRank(cumulative: Float64Array, x: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

describe('the Zipf sampler', () => {
  it.each([
    [60_000, 1.0],
    [5_000, 0.7],
    [20, 0.8],
  ])('draws the rank a search over all %i ranks (s = %d) draws', (n, s) => {
    const sampler = new ZipfSampler(n, s);
    const rand = stream(7, 'zipf-test');
    const draws = Array.from({ length: 3_000 }, () => rand());
    // The guide's slice edges and values just beside them, and the shares of the first and last ranks.
    for (const b of [0, 1, 2, 255, 4096, 32_768, 65_535]) draws.push(b / 65_536, Math.max(0, b / 65_536 - 1e-12), b / 65_536 + 1e-12);
    const cumulative = cumulativeShares(n, s);
    for (const i of [0, 1, 2, Math.floor(n / 2), n - 2]) draws.push(cumulative[i], cumulative[i] - 1e-15, cumulative[i] + 1e-15);
    // The largest draw mulberry32 gives.
    draws.push(1 - 2 ** -32);
    const guided = draws.map((x) => sampler.sample(() => x));
    expect(guided).toEqual(draws.map((x) => rankOverEveryRank(cumulative, x)));
    expect(new Set(guided).size).toBeGreaterThan(Math.min(n, 100) / 2);
  });
});
