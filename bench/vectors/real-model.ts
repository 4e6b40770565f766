// Part 1 of `npm run bench:vectors`, the real model (USE-lite from node_modules): load time, embedding
// time per passage on the first `sample` passages of the synthetic corpus, query embedding time, and
// what the stored form costs in quality on those real vectors.
import type { ChunkVector } from '@/lib/db';
import { chunkPassage } from '@/lib/search/vectors/chunks';
import { embedTexts } from '@/lib/search/vectors/model';
import { quantize } from '@/lib/search/vectors/quantize';
import { generateCorpus, planCorpus } from '../lib/corpus';
import { summarise } from '../lib/stats';
import { log, ms } from './measure';
import { NATURAL } from './natural-queries';
import { quality } from './quality';

export async function realModel(sample: number, queryCount: number) {
  let t0 = performance.now();
  await embedTexts(['load']);
  const loadMs = ms(t0);

  const plan = planCorpus(10_000, 42);
  const passages: string[] = [];
  for (const doc of generateCorpus(plan)) {
    for (const p of doc.passages) if (passages.length < sample) passages.push(p.text);
    if (passages.length >= sample) break;
  }
  const perPassage: number[] = [];
  const perChunk: number[] = [];
  const chunkVectors: { passage: number; float: Float32Array; stored: ChunkVector }[] = [];
  let words = 0;
  for (const [i, text] of passages.entries()) {
    words += text.split(/\s+/).length;
    const chunks = chunkPassage(text);
    t0 = performance.now();
    const embedded = await embedTexts(chunks);
    const took = ms(t0);
    perPassage.push(took);
    perChunk.push(took / chunks.length);
    embedded.forEach((v) => chunkVectors.push({ passage: i, float: v, stored: quantize(v) }));
    if ((i + 1) % 50 === 0) log(`  embedded ${i + 1}/${passages.length} passages`);
  }

  const queries = Array.from({ length: queryCount }, (_, i) => NATURAL[i % NATURAL.length]);
  const queryMs: number[] = [];
  const queryVectors: Float32Array[] = [];
  for (const q of queries) {
    t0 = performance.now();
    const [v] = await embedTexts([q]);
    queryMs.push(ms(t0));
    queryVectors.push(v);
  }
  return {
    loadMs,
    passages: passages.length,
    chunks: chunkVectors.length,
    meanWords: words / passages.length,
    perPassage: summarise(perPassage),
    perChunk: summarise(perChunk),
    query: summarise(queryMs),
    quality: quality(chunkVectors, queryVectors.slice(0, NATURAL.length)),
  };
}
