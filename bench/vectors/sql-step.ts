// Timed: the statement nearestPassages runs (unfiltered pre-selection), warm, one query vector each;
// then with a speaker filter (1 passage in 200) that the unfiltered pre-selection misses: the
// filter-first path; and the query plan.
import { sql, type ChunkVector, type Reader } from '@/lib/db';
import { summarise } from '../lib/stats';
import { ms } from './measure';
import { statement } from './step';

export async function timeSqlStep(reader: Reader, queries: ChunkVector[]) {
  let t0: number;
  for (const q of queries.slice(0, 3)) await reader.$queryRaw(statement(q, false));
  const timings: number[] = [];
  for (const q of queries) {
    t0 = performance.now();
    const found = await reader.$queryRaw<unknown[]>(statement(q, false));
    timings.push(ms(t0));
    if (found.length === 0) throw new Error('the vector step found nothing');
  }
  const filtered: number[] = [];
  for (const q of queries.slice(0, Math.min(10, queries.length))) {
    t0 = performance.now();
    await reader.$queryRaw(statement(q, true, { speaker: 's-17' }));
    filtered.push(ms(t0));
  }
  const plan = (await reader.$queryRaw<{ detail: string }[]>(sql`EXPLAIN QUERY PLAN ${statement(queries[0], false)}`)).map((r) => r.detail);
  return { step: summarise(timings), filterFirst: summarise(filtered), plan };
}
