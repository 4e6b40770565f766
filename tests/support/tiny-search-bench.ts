// The search benchmark at its smallest (300 passages, one timed round, seed 4), run once before a test
// file's tests in a scratch folder that is removed after them: the bench tests check the machinery on it.
// Seed 4 has draft documents at this size, so "published only" is really tested.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { EngineName } from '@/bench/engines/types';
import type { BenchResult } from '@/bench/lib/bench-types';
import { runSearchBench } from '@/bench/lib/run';

export interface TinyBenchRun {
  /** What runSearchBench returned (the report files' paths among it). */
  result: BenchResult;
  /** The JSON report as written to disk: what a reader of the results gets. */
  json: BenchResult;
}

/** Runs the tiny benchmark on the engines named in this file's beforeAll; the object is filled in there. */
export function tinySearchBench(engines: EngineName[], timeoutMs: number): TinyBenchRun {
  const run = {} as TinyBenchRun;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'search-bench-test-'));
    run.result = await runSearchBench({
      n: 300,
      runs: 1,
      seed: 4,
      engines,
      rebuild: true,
      outDir: path.join(dir, 'results'),
      cacheDir: path.join(dir, 'cache'),
      likeMaxN: 200_000,
      memoryMaxN: 300_000,
      pageSize: 10,
      progress: false,
    });
    run.json = JSON.parse(readFileSync(run.result.files.json, 'utf8')) as BenchResult;
  }, timeoutMs);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  return run;
}
