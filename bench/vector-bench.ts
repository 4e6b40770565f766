// `npm run bench:vectors [-- --passages 100000,1000000 --sample 300 --queries 60 --out bench/results]`:
// what meaning-based search costs. Long (minutes), not in CI; run one benchmark at a time.
//
// Part 1, the real model (USE-lite from node_modules): load time, embedding time per passage on the
// first `--sample` passages of the synthetic corpus (bench/lib/corpus.ts: 20–400 words, 108 on
// average), query embedding time, and what the stored form costs in quality on those real vectors
// (int8 rescoring and the Hamming pre-selection against exact float32 cosine, recall@10).
// Part 2, the scan at scale: the vector step (lib/db/sqlite/vectors.ts's statement, pre-selection +
// rescoring, under the search's public-documents filter) at each size, its file size and memory.
// Embedding a million passages with the model would take ~1.5 days on one core, so the vectors of
// part 2 are RANDOM unit vectors, not the model's: they measure time and size, never quality.
import { rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import {
  mapVectorReads,
  migrateDatabase,
  openDatabase,
  openReader,
  setVectorMemoryBudget,
  sql,
  vectorIndexOf,
  vectors,
  type ChunkVector,
  type NearestRow,
} from '@/lib/db';
import { chunkPassage } from '@/lib/search/vectors/chunks';
import { EMBEDDING_MODEL, embedTexts } from '@/lib/search/vectors/model';
import { MAX_PRESELECT, MIN_PRESELECT, PRESELECT_SHARE } from '@/lib/search/vectors/nearest';
import { quantize } from '@/lib/search/vectors/quantize';
import { isPublicDocument } from '@/lib/search/public-documents';
import { filterSql } from '@/lib/search/filters';
import { generateCorpus, planCorpus } from './lib/corpus';
import { mulberry32, normal } from './lib/prng';
import { summarise, type Summary } from './lib/stats';

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
const LIMIT = 50; // the vector list a fusion takes
const ms = (t0: number) => performance.now() - t0;
const mib = (bytes: number) => Math.round((bytes / 2 ** 20) * 10) / 10;
const log = (line: string) => process.stderr.write(`${line}\n`);

// Natural queries of the kind issue 9 is about, cycled to --queries.
const NATURAL = [
  'how can I help North Koreans',
  'foreign movies',
  'police raids',
  'leader worship',
  'USB sticks',
  'nuclear program',
  'propaganda',
  'black market',
  'escaping across the border',
  'what happens to families of defectors',
  'why do sanctions not work',
  'life in a labour camp',
  'food shortages in the nineties',
  'trade with China',
  'how do people get news from outside',
  'religion in North Korea',
];

// ---------- part 1: the real model ----------
async function realModel() {
  let t0 = performance.now();
  await embedTexts(['load']);
  const loadMs = ms(t0);

  const plan = planCorpus(10_000, 42);
  const passages: string[] = [];
  for (const doc of generateCorpus(plan)) {
    for (const p of doc.passages) if (passages.length < SAMPLE) passages.push(p.text);
    if (passages.length >= SAMPLE) break;
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

  const queries = Array.from({ length: QUERY_COUNT }, (_, i) => NATURAL[i % NATURAL.length]);
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

/** recall@10 of the stored forms against exact float cosine, a passage scoring by its best chunk. */
function quality(chunks: { passage: number; float: Float32Array; stored: ChunkVector }[], queries: Float32Array[]) {
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

// ---------- part 2: the scan at scale ----------
const CHUNKS_PER_PASSAGE_FALLBACK = 1.5;

function randomUnit(rand: () => number): Float32Array {
  const v = Float32Array.from({ length: 512 }, () => normal(rand));
  let n = 0;
  for (const x of v) n += x * x;
  return v.map((x) => x / Math.sqrt(n));
}

async function atScale(n: number, chunksPerPassage: number) {
  const file = path.resolve(values.cache, `vectors-${n}.db`);
  for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  migrateDatabase(file);
  const db = openDatabase(file);
  db.pragma('synchronous = OFF');
  // Bench-only: no full-text index (its triggers dominate a load and the vector step never reads it).
  for (const t of ['passage_search_after_insert', 'passage_search_after_update', 'passage_search_after_delete']) db.exec(`DROP TRIGGER IF EXISTS ${t}`);
  const rand = mulberry32(7);
  const TS = '2026-01-01T00:00:00.000+00:00';
  const PER_DOC = 32;
  const insertSpeaker = db.prepare('INSERT INTO Speaker (id, slug, name, updatedAt) VALUES (?, ?, ?, ?)');
  const insertDoc = db.prepare(
    `INSERT INTO Document (id, slug, kind, title, publishedOn, publishedUntil, datePrecision, status, updatedAt) VALUES (?, ?, 'essay', ?, ?, ?, 'day', ?, ?)`,
  );
  const insertPassage = db.prepare(
    `INSERT INTO Passage (id, documentId, position, anchor, kind, speakerId, text, updatedAt) VALUES (?, ?, ?, ?, ?, ?, 'x', ?)`,
  );
  const insertVector = db.prepare('INSERT INTO PassageEmbedding (passageId, chunk, model, bits, vector) VALUES (?, ?, ?, ?, ?)');
  db.transaction(() => {
    for (let s = 1; s <= 200; s++) insertSpeaker.run(s, `s-${s}`, `Speaker ${s}`, TS);
  })();
  let t0 = performance.now();
  const passagesLoad = db.transaction((from: number, to: number) => {
    for (let id = from; id < to; id++) {
      const doc = Math.floor((id - 1) / PER_DOC) + 1;
      if ((id - 1) % PER_DOC === 0) {
        const year = 1990 + (doc % 36);
        insertDoc.run(doc, `d-${doc}`, `Document ${doc}`, `${year}-01-01`, `${year}-12-31`, doc % 10 === 0 ? 'draft' : 'published', TS);
      }
      insertPassage.run(id, doc, ((id - 1) % PER_DOC) + 1, ((id - 1) % PER_DOC) + 1, ['question', 'answer', 'paragraph'][id % 3], (id % 200) + 1, TS);
    }
  });
  for (let id = 1; id <= n; id += 10_000) passagesLoad(id, Math.min(n + 1, id + 10_000));
  const passagesSeconds = ms(t0) / 1000;
  db.pragma('wal_checkpoint(TRUNCATE)');
  const before = statSync(file).size;

  // Chunks: a passage gets floor(r) or ceil(r) chunks so the mean matches the sample's.
  t0 = performance.now();
  let rows = 0;
  const vectorsLoad = db.transaction((from: number, to: number) => {
    for (let id = from; id < to; id++) {
      const count = Math.floor(chunksPerPassage) + (rand() < chunksPerPassage % 1 ? 1 : 0);
      for (let c = 0; c < count; c++) {
        const { bits, vector } = quantize(randomUnit(rand));
        insertVector.run(id, c, EMBEDDING_MODEL, Buffer.from(bits.buffer), Buffer.from(vector.buffer));
        rows++;
      }
    }
  });
  for (let id = 1; id <= n; id += 10_000) {
    vectorsLoad(id, Math.min(n + 1, id + 10_000));
    if ((id - 1) % 100_000 === 0) log(`  ${n}: vectors for ${id - 1} passages`);
  }
  const insertSeconds = ms(t0) / 1000;
  db.pragma('wal_checkpoint(TRUNCATE)');
  const after = statSync(file).size;
  let parts: Record<string, number> = {};
  try {
    parts = Object.fromEntries(
      (
        db
          .prepare(
            `SELECT name, SUM(pgsize) AS bytes FROM dbstat WHERE name LIKE 'PassageEmbedding%' OR name LIKE 'sqlite_autoindex_PassageEmbedding%' GROUP BY name`,
          )
          .all() as { name: string; bytes: number }[]
      ).map((r) => [r.name, r.bytes]),
    );
  } catch {
    // dbstat is not compiled in everywhere: the file sizes above still hold.
  }
  db.close();

  // Timed: the statement nearestPassages runs (unfiltered pre-selection), warm, one query vector each.
  const rssBefore = process.memoryUsage().rss;
  const reader = openReader(file);
  const request = { q: '', page: 1, pageSize: 10 };
  const statement = (q: ChunkVector, filterFirst: boolean, extra = {}) =>
    vectors.nearest(q, EMBEDDING_MODEL, {
      preselect: Math.max(MIN_PRESELECT, LIMIT * 8),
      preselectShare: PRESELECT_SHARE,
      preselectMax: MAX_PRESELECT,
      limit: LIMIT,
      passageWhere: isPublicDocument,
      where: filterSql({ ...request, ...extra }),
      filterFirst,
    });
  const queries = Array.from({ length: QUERY_COUNT }, () => quantize(randomUnit(rand)));
  for (const q of queries.slice(0, 3)) await reader.$queryRaw(statement(q, false));
  const timings: number[] = [];
  for (const q of queries) {
    t0 = performance.now();
    const found = await reader.$queryRaw<unknown[]>(statement(q, false));
    timings.push(ms(t0));
    if (found.length === 0) throw new Error('the vector step found nothing');
  }
  // A speaker filter (1 passage in 200) that the unfiltered pre-selection misses: the filter-first path.
  const filtered: number[] = [];
  for (const q of queries.slice(0, Math.min(10, queries.length))) {
    t0 = performance.now();
    await reader.$queryRaw(statement(q, true, { speaker: 's-17' }));
    filtered.push(ms(t0));
  }
  const plan = (await reader.$queryRaw<{ detail: string }[]>(sql`EXPLAIN QUERY PLAN ${statement(queries[0], false)}`)).map((r) => r.detail);
  const rssAfter = process.memoryUsage().rss;

  // The same step with the pre-selection in memory (lib/db/sqlite/vector-index.ts): what nearestPassages runs.
  const options = (filterFirst: boolean, extra = {}) => ({
    preselect: Math.max(MIN_PRESELECT, LIMIT * 8),
    preselectShare: PRESELECT_SHARE,
    preselectMax: MAX_PRESELECT,
    limit: LIMIT,
    passageWhere: isPublicDocument,
    where: filterSql({ ...request, ...extra }),
    filterFirst,
  });
  const indexed = (q: ChunkVector, filterFirst: boolean, extra = {}) => vectors.nearestIndexed(reader, q, EMBEDDING_MODEL, options(filterFirst, extra));
  global.gc?.();
  const rssBeforeIndex = process.memoryUsage().rss;
  t0 = performance.now();
  await indexed(queries[0], false);
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
  const ids = (rows: NearestRow[]) => rows.map((r) => Number(r.id)).join(',');
  for (const q of queries) {
    t0 = performance.now();
    const found = await indexed(q, false);
    fast.push(ms(t0));
    const reference = await reader.$queryRaw<NearestRow[]>(statement(q, false));
    if (ids(found) === ids(reference)) same++;
    if (ids(found.slice(0, 10)) === ids(reference.slice(0, 10))) sameTop10++;
  }
  // The same with the int8 vectors read from the table by rowid (as above the memory budget), by
  // read(2) and then through mmap (mapped pages count in RSS).
  const fromTable = async () => {
    for (const q of queries.slice(0, 3)) await indexed(q, false);
    const times: number[] = [];
    for (const q of queries) {
      t0 = performance.now();
      await indexed(q, false);
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
    const found = await indexed(q, true, { speaker: 's-17' });
    fastFiltered.push(ms(t0));
    if (ids(found) === ids(await reader.$queryRaw<NearestRow[]>(statement(q, true, { speaker: 's-17' })))) sameFiltered++;
  }
  // A refresh: another connection re-embeds 20 passages (delete + insert, as the embedder does) and
  // adds vectors to 20 new ones; the next query reloads just those from the change log.
  const writer = openDatabase(file);
  const insertAgain = writer.prepare('INSERT INTO PassageEmbedding (passageId, chunk, model, bits, vector) VALUES (?, ?, ?, ?, ?)');
  writer.transaction(() => {
    const passage = writer.prepare(
      `INSERT INTO Passage (id, documentId, position, anchor, kind, speakerId, text, updatedAt) VALUES (?, 1, ?, ?, 'answer', 1, 'x', ?)`,
    );
    for (let i = 1; i <= 20; i++) {
      writer.prepare('DELETE FROM PassageEmbedding WHERE passageId = ?').run(((i * 997) % n) + 1);
      const { bits, vector } = quantize(randomUnit(rand));
      insertAgain.run(((i * 997) % n) + 1, 0, EMBEDDING_MODEL, Buffer.from(bits.buffer), Buffer.from(vector.buffer));
      passage.run(n + i, 1000 + i, 1000 + i, TS);
      insertAgain.run(n + i, 0, EMBEDDING_MODEL, Buffer.from(bits.buffer), Buffer.from(vector.buffer));
    }
  })();
  // What the embedder asks after every editorial write: how many passages wait for vectors.
  const pendingMarked: number[] = [];
  const pendingScan: number[] = [];
  for (let i = 0; i < 5; i++) {
    t0 = performance.now();
    vectors.countPending(writer, EMBEDDING_MODEL);
    pendingMarked.push(ms(t0));
    t0 = performance.now();
    writer
      .prepare(
        `SELECT count(*) FROM Passage p WHERE trim(p.text) <> '' AND NOT EXISTS (SELECT 1 FROM PassageEmbedding e WHERE e.passageId = p.id AND e.model = ?)`,
      )
      .pluck()
      .get(EMBEDDING_MODEL);
    pendingScan.push(ms(t0));
  }
  writer.close();
  t0 = performance.now();
  const afterRefresh = await indexed(queries[1], false);
  const refreshQueryMs = ms(t0);
  const refreshMs = index.stats.lastRefreshMs;
  const refreshAgrees = ids(afterRefresh) === ids(await reader.$queryRaw<NearestRow[]>(statement(queries[1], false)));
  reader.close();
  return {
    n,
    rows,
    passagesSeconds,
    insertSeconds,
    fileBefore: before,
    fileAfter: after,
    parts,
    step: summarise(timings),
    filterFirst: summarise(filtered),
    rssDelta: rssAfter - rssBefore,
    plan,
    indexed: {
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
      refreshMs,
      refreshQueryMs,
      refreshAgrees,
      pendingMarked: summarise(pendingMarked),
      pendingScan: summarise(pendingScan),
    },
  };
}

// ---------- report ----------
const line = (s: Summary) => `${s.p50.toFixed(1)} | ${s.p95.toFixed(1)} | ${s.mean.toFixed(1)}`;

const started = new Date();
const load = (await import('node:os')).loadavg();
log('Part 1: the real model');
const model = await realModel();
const chunksPerPassage = model.chunks / model.passages || CHUNKS_PER_PASSAGE_FALLBACK;
const scale = [];
for (const n of sizes) {
  log(`Part 2: ${n.toLocaleString('en')} passages`);
  scale.push(await atScale(n, chunksPerPassage));
}
const loadEnd = (await import('node:os')).loadavg();

const million = 1_000_000;
const embedHours = (model.perPassage.mean * million) / 3_600_000;
const big = scale.find((s) => s.n === million) ?? scale[scale.length - 1];
const insertPerPassage = big ? big.insertSeconds / big.n : 0;
const report = `# Meaning-based search: cost (\`npm run bench:vectors\`)

Run ${started.toISOString()} on this project's machine (2 cores shared with other jobs; load average
${load.map((x) => x.toFixed(2)).join(', ')} at the start, ${loadEnd.map((x) => x.toFixed(2)).join(', ')} at the end: read times as upper bounds).
Model \`${EMBEDDING_MODEL}\` (Universal Sentence Encoder lite, @energetic-ai 0.2.0, TF.js pure-JS CPU, one thread).

## 1. The real model, on ${model.passages} passages of the synthetic corpus

${model.meanWords.toFixed(0)} words a passage on average, cut into ${model.chunks} chunks (${chunksPerPassage.toFixed(2)} a passage; chunks of ≤ 100 words).

| what | p50 ms | p95 ms | mean ms |
| --- | --- | --- | --- |
| embed a passage (all its chunks) | ${line(model.perPassage)} |
| embed a chunk | ${line(model.perChunk)} |
| embed a query (${QUERY_COUNT} natural queries) | ${line(model.query)} |

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
writeFileSync(path.join(values.out, `vectors-${sizes.join('-')}.md`), report);
writeFileSync(path.join(values.out, `vectors-${sizes.join('-')}.json`), JSON.stringify({ started, load, loadEnd, model, scale }, null, 2));
log(report);
