// The benchmark's generated corpus (bench/lib/load.ts) for one test file: built through the real
// migrations and bulk load into a temporary folder before the file's tests, removed after them.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { CorpusPlan } from '@/bench/lib/corpus';
import { loadCorpus } from '@/bench/lib/load';

export interface GeneratedCorpus {
  /** The database file (available from the file's own beforeAll on, registered after this). */
  readonly file: string;
  readonly plan: CorpusPlan;
}

export function generatedCorpusForFile(options: { n: number; seed: number }): GeneratedCorpus {
  const state = { dir: '', file: '', plan: undefined as CorpusPlan | undefined };
  beforeAll(async () => {
    state.dir = mkdtempSync(path.join(os.tmpdir(), 'generated-corpus-'));
    const { info, plan } = await loadCorpus({ ...options, cacheDir: state.dir });
    state.file = info.file;
    state.plan = plan;
  }, 120_000);
  afterAll(() => rmSync(state.dir, { recursive: true, force: true }));
  return {
    get file() {
      return state.file;
    },
    get plan() {
      return state.plan!;
    },
  };
}
