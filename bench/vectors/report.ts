// The Markdown report of `npm run bench:vectors`: the model's costs, the vector step at each size (in
// SQL and with the pre-selection in memory), and the projected cost of embedding a million passages.
import { EMBEDDING_MODEL } from '@/lib/search/vectors/model';
import { MAX_PRESELECT, MIN_PRESELECT, PRESELECT_SHARE } from '@/lib/search/vectors/nearest';
import type { Summary } from '../lib/stats';
import type { atScale } from './at-scale';
import { mib } from './measure';
import { NATURAL } from './natural-queries';
import type { realModel } from './real-model';
import { LIMIT } from './step';

const line = (s: Summary) => `${s.p50.toFixed(1)} | ${s.p95.toFixed(1)} | ${s.mean.toFixed(1)}`;

export interface VectorBenchRun {
  started: Date;
  load: number[];
  loadEnd: number[];
  model: Awaited<ReturnType<typeof realModel>>;
  chunksPerPassage: number;
  scale: Awaited<ReturnType<typeof atScale>>[];
  queryCount: number;
}

export function vectorReport({ started, load, loadEnd, model, chunksPerPassage, scale, queryCount }: VectorBenchRun): string {
  const million = 1_000_000;
  const embedHours = (model.perPassage.mean * million) / 3_600_000;
  const big = scale.find((s) => s.n === million) ?? scale[scale.length - 1];
  const insertPerPassage = big ? big.insertSeconds / big.n : 0;
  return `# Meaning-based search: cost (\`npm run bench:vectors\`)

Run ${started.toISOString()} on this project's machine (2 cores shared with other jobs; load average
${load.map((x) => x.toFixed(2)).join(', ')} at the start, ${loadEnd.map((x) => x.toFixed(2)).join(', ')} at the end: read times as upper bounds).
Model \`${EMBEDDING_MODEL}\` (Universal Sentence Encoder lite, @energetic-ai 0.2.0, TF.js pure-JS CPU, one thread).

## 1. The real model, on ${model.passages} passages of the synthetic corpus

${model.meanWords.toFixed(0)} words a passage on average, cut into ${model.chunks} chunks (${chunksPerPassage.toFixed(2)} a passage; chunks of ≤ 100 words).

| what | p50 ms | p95 ms | mean ms |
| --- | --- | --- | --- |
| embed a passage (all its chunks) | ${line(model.perPassage)} |
| embed a chunk | ${line(model.perChunk)} |
| embed a query (${queryCount} natural queries) | ${line(model.query)} |

Model load (first use in a process): ${model.loadMs.toFixed(0)} ms.

Stored form against exact float32 cosine (recall@10 of the passages, ${NATURAL.length} natural queries, real vectors):

| pre-selection by Hamming distance, then int8 cosine | recall@10 |
| --- | --- |
${model.quality.map((r) => `| ${r.preselect} | ${r.recall.toFixed(3)} |`).join('\n')}

## 2. The vector step at scale (RANDOM vectors: time and size only, not quality)

Each passage has ${chunksPerPassage.toFixed(2)} chunks on average (as measured above); documents of 32 passages, 10% drafts.
Vectors are random unit vectors quantized as the app stores them (64-byte signs, 512-byte int8), not the
model's. The step is the statement nearestPassages runs (lib/db/sqlite/vectors.ts): Hamming pre-selection of
min(${MAX_PRESELECT}, max(${Math.max(MIN_PRESELECT, LIMIT * 8)}, 1/${1 / PRESELECT_SHARE} of all)) chunks over the index (model, bits), int8 cosine rescoring of
those, best chunk a passage, public documents only, ${LIMIT} passages returned. Query embedding (part 1) comes on top.

| passages | chunks | vector step p50 ms | p95 ms | mean ms | filter first (a speaker), p50 / p95 ms | vectors on disk | process memory added |
| --- | --- | --- | --- | --- | --- | --- | --- |
${scale
  .map(
    (s) =>
      `| ${s.n.toLocaleString('en')} | ${s.rows.toLocaleString('en')} | ${line(s.step)} | ${s.filterFirst.p50.toFixed(0)} / ${s.filterFirst.p95.toFixed(0)} | ${mib(s.fileAfter - s.fileBefore)} MiB (${Math.round((s.fileAfter - s.fileBefore) / s.rows)} B a chunk) | ${mib(s.rssDelta)} MiB |`,
  )
  .join('\n')}

${scale
  .map(
    (s) =>
      `- ${s.n.toLocaleString('en')}: table and index by dbstat: ${
        Object.entries(s.parts)
          .map(([k, v]) => `${k} ${mib(v)} MiB`)
          .join(', ') || 'dbstat not available'
      }; inserting the vectors took ${s.insertSeconds.toFixed(1)} s; plan: ${s.plan.join(' / ')}`,
  )
  .join('\n')}

## 2b. The vector step with the pre-selection in memory (what search runs)

The same step, its Hamming pre-selection made by the in-process index of the signs
(lib/db/sqlite/vector-index.ts: a WebAssembly popcount scan over 64 bytes a chunk, a histogram of the
distances for the top-k, ties by passage and chunk), then the same int8 cosine rescoring of the kept
chunks only (in JS, as sqlite-vec computes it; the vectors in memory while they fit 128 MiB, else read
from the table by rowid), under the same filters. "Same answers": the 50 passages, in order, equal the SQL step's.

| passages | vector step p50 ms | p95 ms | mean ms | vectors from the table: p50 / p95 ms | the same through mmap | filter first (a speaker), p50 / p95 ms | same answers as SQL (all 50 / top 10 / filtered) | index build (first query) | index memory | RSS added by the build | refresh after 40 passages re-embedded elsewhere: reload / that query |
| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |
${scale
  .map(
    (s) =>
      `| ${s.n.toLocaleString('en')} | ${line(s.indexed.step)} | ${s.indexed.unmapped.p50.toFixed(1)} / ${s.indexed.unmapped.p95.toFixed(1)} | ${s.indexed.mapped.p50.toFixed(1)} / ${s.indexed.mapped.p95.toFixed(1)} | ${s.indexed.filterFirst.p50.toFixed(1)} / ${s.indexed.filterFirst.p95.toFixed(1)} | ${s.indexed.same} / ${s.indexed.sameTop10} / ${s.indexed.sameFiltered} | ${s.indexed.buildMs.toFixed(0)} ms (${s.indexed.firstQueryMs.toFixed(0)} ms) | ${mib(s.indexed.indexBytes)} MiB${s.indexed.vectorsInMemory ? ' (signs and int8 vectors)' : ' (signs only)'} | ${mib(s.indexed.rssDelta)} MiB | ${s.indexed.refreshMs.toFixed(1)} ms / ${s.indexed.refreshQueryMs.toFixed(1)} ms${s.indexed.refreshAgrees ? '' : ' (DIFFERS from SQL)'} |`,
  )
  .join('\n')}

The embedder's question after every editorial write, "how many passages wait for vectors" (countPending),
p50: ${scale.map((s) => `${s.n.toLocaleString('en')}: ${s.indexed.pendingMarked.p50.toFixed(2)} ms by the pending marks, ${s.indexed.pendingScan.p50.toFixed(1)} ms by the scan of every passage it replaced`).join('; ')}.

## 3. Loading 1,000,000 passages with embeddings (projected)

Embedding: ${model.perPassage.mean.toFixed(0)} ms a passage × 1,000,000 = **${embedHours.toFixed(1)} h on one core** (measured per passage above, one at a time);
storing the vectors: ${(insertPerPassage * million).toFixed(0)} s (measured above). The full-text load of the same corpus is ~438 s
(bench/results/search-1000000.md). Embedding dominates: an import of that size is a background job (\`npm run search:embed\`), and the passages are
searchable by their words meanwhile.
`;
}
