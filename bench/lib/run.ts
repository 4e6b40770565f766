// Runs the search benchmark: load (or reuse) the corpus, then for each engine in turn build its
// index, run every query once to warm up, then R timed rounds; summarise, check that the project and
// the FTS5 floor agree, and write JSON and Markdown.
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Fts5FloorEngine } from '../engines/fts5-floor';
import { collectGarbage } from '../engines/memory';
import type { Engine } from '../engines/types';
import type { BenchOptions, BenchResult, ConsistencyRecord, EngineResult } from './bench-types';
import { checkConsistency } from './consistency';
import { makeEngine } from './engine-choice';
import { loadCorpus } from './load';
import { makeQueries, NATURAL_CLASS, SUMMARY_CLASSES, type BenchQuery } from './queries';
import { ownResidentBytes } from './process-memory';
import { markdownReport } from './report';
import { median, summarise, type Summary } from './stats';

const log = (options: BenchOptions, message: string) => {
  if (options.progress) process.stderr.write(`${message}\n`);
};

export async function runSearchBench(options: BenchOptions): Promise<BenchResult> {
  log(options, `corpus: ${options.n.toLocaleString('en')} passages, seed ${options.seed}`);
  const { info, plan } = await loadCorpus({
    n: options.n,
    seed: options.seed,
    cacheDir: options.cacheDir,
    rebuild: options.rebuild,
    progress: options.progress,
  });
  log(options, info.reused ? `  reused ${info.file} (built in ${info.loadSeconds.toFixed(1)} s)` : `  built ${info.file} in ${info.loadSeconds.toFixed(1)} s`);
  const queries = makeQueries(plan);
  const loadMs = info.loadSeconds * 1000;
  const maxId = options.n;

  const results: EngineResult[] = [];
  let consistency: ConsistencyRecord[] = [];
  for (const name of options.engines) {
    if (name === 'like' && options.n > options.likeMaxN) {
      results.push({ name, skipped: `N > ${options.likeMaxN}: a full scan per query (see --like-max)` });
      continue;
    }
    if ((name === 'minisearch' || name === 'flexsearch') && options.n > options.memoryMaxN) {
      results.push({ name, skipped: `N > ${options.memoryMaxN}: the in-memory index would not fit (see --memory-max)` });
      continue;
    }
    const indexProgress = (done: number) => options.progress && process.stderr.write(`\r  ${name}: indexed ${done.toLocaleString('en')} passages   `);
    const engine = makeEngine(name, info.file, loadMs, maxId, indexProgress);
    log(options, `${name}: building`);
    await engine.prepare?.(queries);
    const build = await engine.build();
    if (build.indexBytesKind === 'heap')
      log(options, `\n  ${name}: built in ${(build.buildMs / 1000).toFixed(1)} s, ${(build.indexBytes / 2 ** 20).toFixed(0)} MiB heap`);

    // The peak of this process's own memory (not the database pages it maps) over the engine's searches.
    let peakOwnBytes: number | undefined;
    const notePeak = () => {
      const own = ownResidentBytes();
      if (own !== undefined) peakOwnBytes = Math.max(peakOwnBytes ?? 0, own);
    };
    const first = new Map<string, Awaited<ReturnType<Engine['search']>>>();
    for (const query of queries) {
      first.set(query.id, await engine.search(query, options.pageSize));
      notePeak();
    }
    const samples = new Map<string, number[]>(queries.map((q) => [q.id, []]));
    for (let run = 1; run <= options.runs; run++) {
      log(options, `  ${name}: run ${run}/${options.runs}`);
      for (const query of queries) {
        const started = performance.now();
        const hits = await engine.search(query, options.pageSize);
        const wall = performance.now() - started;
        // An engine searching in a child process times the search there (no message passing in it).
        samples.get(query.id)!.push(hits.elapsedMs ?? wall);
        notePeak();
      }
    }
    const all = (filter: (q: BenchQuery) => boolean) => queries.filter(filter).flatMap((q) => samples.get(q.id)!);
    const exactWords = (q: BenchQuery) => q.base !== NATURAL_CLASS;
    const classes: Record<string, Summary> = {};
    for (const cls of SUMMARY_CLASSES) classes[cls] = summarise(all((q) => q.cls === cls));
    const record: EngineResult = {
      name,
      build,
      overall: summarise(all(exactWords)),
      unfiltered: summarise(all((q) => exactWords(q) && !q.filtered)),
      filtered: summarise(all((q) => exactWords(q) && q.filtered)),
      natural: summarise(all((q) => !exactWords(q))),
      classes,
      queries: queries.map((q) => {
        const hits = first.get(q.id)!;
        return {
          id: q.id,
          cls: q.cls,
          q: q.q,
          filters: q.filters,
          medianMs: Math.round(median(samples.get(q.id)!) * 1000) / 1000,
          hits: hits.ids.length,
          total: hits.total,
          ...(hits.approximate ? { approximate: true } : {}),
          didYouMean: hits.didYouMean,
          ...(hits.matchedBy ? { matchedBy: hits.matchedBy } : {}),
          ids: hits.ids,
        };
      }),
    };

    // Read while its child and server still run (before the floor's check narrows engine's type).
    const outside = await engine.memory?.();
    if (engine instanceof Fts5FloorEngine) {
      const project = results.find((r) => r.name === 'project' && r.queries);
      if (project) consistency = checkConsistency(engine, queries, project.queries!, record.queries!);
    }
    await engine.close();
    collectGarbage();
    if (outside) {
      // Its searches ran in a child: the child's memory, and the server's apart (not this process's).
      record.rssBytes = outside.childRssBytes;
      record.maxRssBytes = outside.childMaxRssBytes;
      record.rssOf = 'child process';
      if (outside.server) record.server = outside.server;
    } else {
      record.rssBytes = process.memoryUsage().rss;
      record.maxRssBytes = process.resourceUsage().maxRSS * 1024;
      record.maxOwnRssBytes = peakOwnBytes;
    }
    results.push(record);
    log(options, `  ${name}: p50 ${record.overall!.p50.toFixed(2)} ms, p95 ${record.overall!.p95.toFixed(2)} ms`);
  }

  mkdirSync(options.outDir, { recursive: true });
  const files = { json: path.join(options.outDir, `search-${options.n}.json`), markdown: path.join(options.outDir, `search-${options.n}.md`) };
  const result: BenchResult = {
    meta: {
      n: options.n,
      seed: options.seed,
      runs: options.runs,
      pageSize: options.pageSize,
      engines: options.engines,
      generatedAt: new Date().toISOString(),
      node: process.version,
      platform: `${os.platform()} ${os.arch()}`,
      cpus: os.cpus().length,
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      totalMemoryBytes: os.totalmem(),
    },
    corpus: info,
    queries: { count: queries.length, classes: [...new Set(queries.map((q) => q.cls))] },
    engines: results,
    consistency,
    files,
  };
  writeFileSync(files.json, JSON.stringify(result, null, 2));
  writeFileSync(files.markdown, markdownReport(result));
  return result;
}
