// Part 2 of `npm run bench:vectors`, the scan at scale: the vector step (lib/db/sqlite/vectors.ts's
// statement, pre-selection + rescoring, under the search's public-documents filter) at one size, its
// file size and memory. The vectors are RANDOM (random-vectors.ts): time and size, never quality.
import path from 'node:path';
import { openReader } from '@/lib/db';
import { quantize } from '@/lib/search/vectors/quantize';
import { mulberry32 } from '../lib/prng';
import { timeIndexedStep } from './indexed-step';
import { randomUnit } from './random-vectors';
import { timeRefresh } from './refresh';
import { loadScaleCorpus } from './scale-corpus';
import { timeSqlStep } from './sql-step';

export async function atScale(n: number, chunksPerPassage: number, options: { cache: string; queryCount: number }) {
  const file = path.resolve(options.cache, `vectors-${n}.db`);
  // One stream for the whole size, drawn in a fixed order (vectors, queries, refresh), so a run is repeatable.
  const rand = mulberry32(7);
  const { rows, passagesSeconds, insertSeconds, before, after, parts } = loadScaleCorpus(file, n, chunksPerPassage, rand);

  const rssBefore = process.memoryUsage().rss;
  const reader = openReader(file);
  const queries = Array.from({ length: options.queryCount }, () => quantize(randomUnit(rand)));
  const { step, filterFirst, plan } = await timeSqlStep(reader, queries);
  const rssAfter = process.memoryUsage().rss;

  const { index, figures } = await timeIndexedStep(reader, file, queries);
  const refresh = await timeRefresh(reader, file, n, rand, queries, index);
  reader.close();
  return {
    n,
    rows,
    passagesSeconds,
    insertSeconds,
    fileBefore: before,
    fileAfter: after,
    parts,
    step,
    filterFirst,
    rssDelta: rssAfter - rssBefore,
    plan,
    indexed: { ...figures, ...refresh },
  };
}
