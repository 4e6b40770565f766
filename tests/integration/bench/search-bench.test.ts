// A tiny run of the search benchmark (300 passages, one timed round) that checks the machinery:
// every engine ran, timings are real, and the engines agree on what matches.
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ENGINE_NAMES } from '@/bench/engines/types';
import { NATURAL_CLASS } from '@/bench/lib/queries';
import { buildVocabulary, PLANTED_WORDS } from '@/bench/lib/vocabulary';
import { tinySearchBench } from '@/tests/support/tiny-search-bench';

const bench = tinySearchBench([...ENGINE_NAMES], 60_000);

const engine = (name: string) => bench.json.engines.find((e) => e.name === name)!;

describe('search benchmark, 300 passages', () => {
  it('built the corpus through the migrations, with every passage indexed', () => {
    expect(bench.json.corpus.stats.passages).toBe(300);
    // Seed 4 has draft documents at this size, so "published only" is really tested.
    expect(bench.json.corpus.stats.publishedPassages).toBeLessThan(300);
    expect(bench.json.corpus.stats.meanWords).toBeGreaterThan(60);
    expect(bench.json.corpus.stats.meanWords).toBeLessThan(160);
    expect(bench.json.corpus.sizes['=passage_fts index only (data+idx)']).toBeGreaterThan(0);
  });

  it('has every engine, none skipped, with positive timings in every query class', () => {
    expect(bench.json.engines.map((e) => e.name)).toEqual([...ENGINE_NAMES]);
    for (const e of bench.json.engines) {
      expect(e.skipped, e.name).toBeUndefined();
      // overall is the exact-word classes (comparable with the baselines before issue 9); natural is apart.
      expect(e.overall!.count + e.natural!.count, e.name).toBe(bench.json.queries.count);
      expect(e.natural!.count, e.name).toBe(40);
      expect(e.overall!.p50, e.name).toBeGreaterThan(0);
      expect(e.overall!.p99, e.name).toBeGreaterThanOrEqual(e.overall!.p50);
      expect(e.build!.indexBytes, e.name).toBeGreaterThan(0);
      expect(e.rssBytes, e.name).toBeGreaterThan(0);
      for (const [cls, summary] of Object.entries(e.classes!)) {
        expect(summary.count, `${e.name} ${cls}`).toBeGreaterThan(0);
        expect(summary.p95, `${e.name} ${cls}`).toBeGreaterThan(0);
      }
    }
  });

  // Comparable: the project matched every word it searches for, as the floor does (no correction; not the
  // relaxed "some of the words" or the meaning-based step of a query none of whose passages has them all).
  const comparable = () => bench.json.consistency.filter((c) => !c.didYouMean && (c.matchedBy ?? 'all') === 'all');

  it('project and the FTS5 floor agree on hit counts for unfiltered queries', () => {
    expect(comparable().length).toBeGreaterThanOrEqual(60);
    for (const c of comparable()) expect(c.projectTotal, c.q).toBe(c.floorPublishedMatches);
  });

  it('project and the floor return the same passages when there are few, and overlap otherwise', () => {
    for (const c of comparable().filter((c) => c.projectTotal <= 10)) expect(c.overlap, c.q).toBe(1);
    const mean = comparable().reduce((a, c) => a + c.overlap, 0) / comparable().length;
    expect(mean).toBeGreaterThan(0.5);
  });

  it('finds each planted rare word exactly where it was planted, in every engine', () => {
    for (const { word } of PLANTED_WORDS) {
      const planted = bench.json.corpus.stats.planted[word]?.published ?? 0;
      const project = engine('project').queries!.find((q) => q.q === word && !q.cls.includes('filters'))!;
      expect(project.total, word).toBe(planted);
      if (planted > 10) continue;
      const expected = [...project.ids].sort((a, b) => a - b);
      for (const name of ['project-lexical', 'project-rank', 'like', 'minisearch', 'flexsearch']) {
        const got = engine(name).queries!.find((q) => q.id === project.id)!;
        expect(
          [...got.ids].sort((a, b) => a - b),
          `${name}: ${word}`,
        ).toEqual(expected);
      }
    }
  });

  it('has a natural-language class of questions and paraphrases: several words, stop words, words the corpus lacks', () => {
    const natural = engine('project').queries!.filter((q) => q.cls === NATURAL_CLASS);
    expect(natural.length).toBe(20);
    const vocabulary = new Set(buildVocabulary(bench.json.meta.seed).words);
    const words = natural.map((q) => q.q.split(' '));
    for (const w of words) expect(w.length, w.join(' ')).toBeGreaterThanOrEqual(2);
    expect(words.filter((w) => w.some((word) => !vocabulary.has(word))).length).toBeGreaterThanOrEqual(10);
    expect(
      words.filter((w) => w.some((word) => ['the', 'a', 'of', 'and', 'in', 'if', 'can', 'how', 'what', 'who'].includes(word))).length,
    ).toBeGreaterThanOrEqual(10);
    expect(new Set(natural.map((q) => q.q)).size).toBe(20);
  });

  it('writes the Markdown report with the engine table and the per-class comparison', () => {
    expect(existsSync(bench.result.files.markdown)).toBe(true);
    const markdown = readFileSync(bench.result.files.markdown, 'utf8');
    expect(markdown).toContain('| engine | build |');
    expect(markdown).toContain('project / floor (p95)');
    expect(markdown).toContain('| natural |');
    expect(markdown).toContain('| natural+filters |');
    expect(markdown).toContain('hybrid − lexical p50');
    for (const name of ENGINE_NAMES) expect(markdown).toContain(`| ${name} |`);
  });
});
