// Runs the relevance evaluation on the seed archive and checks it means something.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVAL_ENGINES, readJudgments, runEvaluation, type EvalResult } from './run-eval';

let dir: string;
let result: EvalResult;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'search-eval-test-'));
  result = await runEvaluation({ outDir: dir });
}, 60_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('search relevance evaluation', () => {
  it('judges at least 35 queries covering every query class', () => {
    const judgments = readJudgments();
    expect(judgments.length).toBeGreaterThanOrEqual(35);
    const classes = new Set(judgments.map((j) => j.class));
    for (const c of ['plain', 'stemming', 'misspelling', 'synonym', 'phrase', 'prefix', 'or', 'exclude', 'filter']) expect(classes).toContain(c);
  });

  it('ran every judged query through every engine', () => {
    const ids = readJudgments().map((j) => j.id);
    expect(result.queries.map((q) => q.id)).toEqual(ids);
    for (const q of result.queries) for (const name of EVAL_ENGINES) expect(q.results[name], `${name} ${q.id}`).toBeDefined();
  });

  it('keeps every metric within [0, 1]', () => {
    const values = [
      ...result.queries.flatMap((q) => EVAL_ENGINES.flatMap((name) => [q.results[name].ndcg, q.results[name].mrr, q.results[name].recall])),
      ...EVAL_ENGINES.flatMap((name) => Object.values(result.engines[name].classes).flatMap((m) => [m.ndcg, m.mrr, m.recall])),
    ];
    for (const v of values) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });

  it('ranks at least as well as the naive LIKE scan (nDCG@10)', () => {
    expect(result.engines.project.overall.ndcg).toBeGreaterThanOrEqual(result.engines.like.overall.ndcg);
  });

  it('corrects the misspellings it is judged on', () => {
    const corrected = result.queries.filter((q) => q.class === 'misspelling' && q.results.project.ranked.length > 0);
    expect(corrected.length).toBe(result.queries.filter((q) => q.class === 'misspelling').length);
  });
});
