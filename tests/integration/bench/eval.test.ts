// Runs the relevance evaluation on the seed archive and checks it means something.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runEvaluation } from '@/bench/eval/evaluate';
import { readJudgments } from '@/bench/eval/judgments';
import { EVAL_ENGINES, NATURAL, NATURAL_FORMS, type EvalResult } from '@/bench/eval/types';

let dir: string;
let result: EvalResult;

beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'search-eval-test-'));
  result = await runEvaluation({ outDir: dir });
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

/**
 * nDCG@10 of the hybrid search (what readers get) per exact-word class, measured before issue 9
 * (3 decimals, 0.001 below for rounding; prefix at its lower observed value, .942, as it has measured
 * .950 or .942). Issue 9 says exact-word queries must not get worse than this.
 */
const EXACT_WORD_FLOORS: Record<string, number> = {
  plain: 0.891,
  stemming: 0.904,
  misspelling: 0.927,
  synonym: 0.508,
  phrase: 0.963,
  prefix: 0.941,
  or: 0.941,
  exclude: 0.957,
  filter: 0.882,
};

/**
 * The natural class, a floor against regression a little below what each engine scores with issue 9's
 * relaxed matching and fusion (hybrid nDCG@10 .733, lexical .571). Before issue 9 the search scored
 * nDCG@10 .081, MRR .109, recall@10 .043 there, with 48 of 55 queries finding nothing.
 */
const NATURAL_FLOORS = {
  hybrid: { ndcg: 0.7, mrr: 0.75, recall: 0.7, maxNoResult: 0 },
  lexical: { ndcg: 0.55, mrr: 0.6, recall: 0.55, maxNoResult: 11 },
};

describe('search relevance evaluation', () => {
  it('judges at least 35 exact-word queries covering every query class, and at least 40 natural ones (10 or more of each form)', () => {
    const judgments = readJudgments();
    expect(judgments.filter((j) => j.class !== NATURAL).length).toBeGreaterThanOrEqual(35);
    const classes = new Set(judgments.map((j) => j.class));
    for (const c of [...Object.keys(EXACT_WORD_FLOORS), NATURAL]) expect(classes).toContain(c);
    const natural = judgments.filter((j) => j.class === NATURAL);
    expect(natural.length).toBeGreaterThanOrEqual(40);
    for (const form of NATURAL_FORMS) expect(natural.filter((j) => j.form === form).length, form).toBeGreaterThanOrEqual(10);
  });

  it('ran every judged query through every engine', () => {
    const ids = readJudgments().map((j) => j.id);
    expect(result.queries.map((q) => q.id)).toEqual(ids);
    for (const q of result.queries) for (const name of EVAL_ENGINES) expect(q.results[name], `${name} ${q.id}`).toBeDefined();
  });

  it('keeps every metric within [0, 1]', () => {
    const values = [
      ...result.queries.flatMap((q) => EVAL_ENGINES.flatMap((name) => [q.results[name].ndcg, q.results[name].mrr, q.results[name].recall])),
      ...EVAL_ENGINES.flatMap((name) =>
        [...Object.values(result.engines[name].classes), ...Object.values(result.engines[name].forms), result.engines[name].exactWords].flatMap((m) => [
          m.ndcg,
          m.mrr,
          m.recall,
        ]),
      ),
    ];
    for (const v of values) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
  });

  it('counts the queries with no result from the ranked lists', () => {
    for (const name of EVAL_ENGINES) {
      const empty = result.queries.filter((q) => q.class === NATURAL && q.results[name].ranked.length === 0).length;
      expect(result.engines[name].noResult[NATURAL], name).toBe(empty);
    }
  });

  it('ranks at least as well as the naive LIKE scan (nDCG@10)', () => {
    expect(result.engines.hybrid.overall.ndcg).toBeGreaterThanOrEqual(result.engines.like.overall.ndcg);
  });

  it('keeps every exact-word class at least as good as before issue 9 (hybrid, nDCG@10)', () => {
    for (const [cls, floor] of Object.entries(EXACT_WORD_FLOORS)) expect(result.engines.hybrid.classes[cls].ndcg, cls).toBeGreaterThanOrEqual(floor);
  });

  it('does not fall below the natural-class floor (hybrid and lexical)', () => {
    for (const [name, floor] of Object.entries(NATURAL_FLOORS) as [keyof typeof NATURAL_FLOORS, (typeof NATURAL_FLOORS)['hybrid']][]) {
      const m = result.engines[name].classes[NATURAL];
      expect(m.ndcg, `${name} nDCG@10`).toBeGreaterThanOrEqual(floor.ndcg);
      expect(m.mrr, `${name} MRR`).toBeGreaterThanOrEqual(floor.mrr);
      expect(m.recall, `${name} recall@10`).toBeGreaterThanOrEqual(floor.recall);
      expect(result.engines[name].noResult[NATURAL], `${name} no result`).toBeLessThanOrEqual(floor.maxNoResult);
    }
  });

  it('corrects the misspellings it is judged on', () => {
    const corrected = result.queries.filter((q) => q.class === 'misspelling' && q.results.hybrid.ranked.length > 0);
    expect(corrected.length).toBe(result.queries.filter((q) => q.class === 'misspelling').length);
  });
});
