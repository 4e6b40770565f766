// Timed: the vector step with the pre-selection in memory (what search runs): the index build on the
// first query and its memory, then every query against the SQL step's answer; the same with the int8
// vectors read from the table by rowid (as above the memory budget), by read(2) and through mmap
// (mapped pages count in RSS); and filter first.
import { mapVectorReads, setVectorMemoryBudget, vectorIndexOf, type ChunkVector, type NearestRow, type Reader } from '@/lib/db';
import { EMBEDDING_MODEL } from '@/lib/search/vectors/model';
import { summarise } from '../lib/stats';
import { ms } from './measure';
import { ids, indexed, statement } from './step';

export async function timeIndexedStep(reader: Reader, file: string, queries: ChunkVector[]) {
  let t0: number;
  global.gc?.();
  const rssBeforeIndex = process.memoryUsage().rss;
  t0 = performance.now();
  await indexed(reader, queries[0], false);
  const firstQueryMs = ms(t0);
  global.gc?.();
  const rssAfterIndex = process.memoryUsage().rss;
  const index = vectorIndexOf(file, EMBEDDING_MODEL)!;
  const buildMs = index.stats.lastBuildMs;
  const indexBytes = index.stats.bytes;
  const vectorsInMemory = index.stats.vectorsInMemory;
  const fast: number[] = [];
  let same = 0;
  let sameTop10 = 0;
  for (const q of queries) {
    t0 = performance.now();
    const found = await indexed(reader, q, false);
    fast.push(ms(t0));
    const reference = await reader.$queryRaw<NearestRow[]>(statement(q, false));
    if (ids(found) === ids(reference)) same++;
    if (ids(found.slice(0, 10)) === ids(reference.slice(0, 10))) sameTop10++;
  }
  const fromTable = async () => {
    for (const q of queries.slice(0, 3)) await indexed(reader, q, false);
    const times: number[] = [];
    for (const q of queries) {
      t0 = performance.now();
      await indexed(reader, q, false);
      times.push(ms(t0));
    }
    return summarise(times);
  };
  setVectorMemoryBudget(0);
  const unmapped = await fromTable();
  mapVectorReads(512 * 2 ** 20);
  const mapped = await fromTable();
  mapVectorReads(0);
  setVectorMemoryBudget(128 * 2 ** 20);
  const fastFiltered: number[] = [];
  let sameFiltered = 0;
  for (const q of queries.slice(0, Math.min(10, queries.length))) {
    t0 = performance.now();
    const found = await indexed(reader, q, true, { speaker: 's-17' });
    fastFiltered.push(ms(t0));
    if (ids(found) === ids(await reader.$queryRaw<NearestRow[]>(statement(q, true, { speaker: 's-17' })))) sameFiltered++;
  }
  return {
    index,
    figures: {
      step: summarise(fast),
      unmapped,
      mapped,
      vectorsInMemory,
      filterFirst: summarise(fastFiltered),
      same: `${same}/${queries.length}`,
      sameTop10: `${sameTop10}/${queries.length}`,
      sameFiltered: `${sameFiltered}/${fastFiltered.length}`,
      firstQueryMs,
      buildMs,
      indexBytes,
      rssDelta: rssAfterIndex - rssBeforeIndex,
    },
  };
}
