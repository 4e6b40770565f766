// `npm run bench:vectors [-- --passages 100000,1000000 --sample 300 --queries 60 --out bench/results]`:
// what meaning-based search costs. Long (minutes), not in CI; run one benchmark at a time.
//
// Part 1, the real model (USE-lite from node_modules): load time, embedding time per passage on the
// first `--sample` passages of the synthetic corpus (bench/lib/corpus.ts: 20–400 words, 108 on
// average), query embedding time, and what the stored form costs in quality on those real vectors
// (int8 rescoring and the Hamming pre-selection against exact float32 cosine, recall@10):
// bench/vectors/real-model.ts.
// Part 2, the scan at scale: the vector step (lib/db/sqlite/vectors.ts's statement, pre-selection +
// rescoring, under the search's public-documents filter) at each size, its file size and memory:
// bench/vectors/at-scale.ts. Embedding a million passages with the model would take ~1.5 days on one
// core, so the vectors of part 2 are RANDOM unit vectors, not the model's: they measure time and
// size, never quality.
import { writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { atScale } from './vectors/at-scale';
import { log } from './vectors/measure';
import { realModel } from './vectors/real-model';
import { vectorReport } from './vectors/report';

const { values } = parseArgs({
  options: {
    passages: { type: 'string', default: '100000,1000000' },
    sample: { type: 'string', default: '300' },
    queries: { type: 'string', default: '60' },
    out: { type: 'string', default: 'bench/results' },
    cache: { type: 'string', default: 'bench/.cache' },
  },
});
const sizes = values.passages.split(',').map((s) => Number(s.replace(/_/g, '')));
const SAMPLE = Number(values.sample);
const QUERY_COUNT = Number(values.queries);
const CHUNKS_PER_PASSAGE_FALLBACK = 1.5;

const started = new Date();
const load = os.loadavg();
log('Part 1: the real model');
const model = await realModel(SAMPLE, QUERY_COUNT);
const chunksPerPassage = model.chunks / model.passages || CHUNKS_PER_PASSAGE_FALLBACK;
const scale = [];
for (const n of sizes) {
  log(`Part 2: ${n.toLocaleString('en')} passages`);
  scale.push(await atScale(n, chunksPerPassage, { cache: values.cache, queryCount: QUERY_COUNT }));
}
const loadEnd = os.loadavg();

const report = vectorReport({ started, load, loadEnd, model, chunksPerPassage, scale, queryCount: QUERY_COUNT });
writeFileSync(path.join(values.out, `vectors-${sizes.join('-')}.md`), report);
writeFileSync(path.join(values.out, `vectors-${sizes.join('-')}.json`), JSON.stringify({ started, load, loadEnd, model, scale }, null, 2));
log(report);
