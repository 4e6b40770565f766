// A tiny run of the search benchmark with the project's search on PostgreSQL beside SQLite (300
// passages, one timed round): the project-postgresql engine starts its throwaway server, copies the
// corpus in, searches in a child process on that database, and finds what the SQLite project finds.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { EngineResult, QueryRecord } from '@/bench/lib/bench-types';
import { parseArgs } from '@/bench/search-bench';
import { PLANTED_WORDS } from '@/bench/lib/vocabulary';
import { tinySearchBench } from '@/tests/support/tiny-search-bench';

const bench = tinySearchBench(['project', 'project-postgresql'], 120_000);

const engine = (name: string): EngineResult => bench.json.engines.find((e) => e.name === name)!;
const sorted = (ids: number[]) => [...ids].sort((a, b) => a - b);
/** Matched every word as typed, exactly counted: what the two engines must agree on. */
const exact = (q: QueryRecord) => !q.didYouMean && (q.matchedBy ?? 'all') === 'all' && !q.approximate;
/**
 * A word of one or two characters: FTS5's Porter tokenizer leaves those unstemmed, PostgreSQL's Porter
 * stemmer does not ("as" → a, "is" → i, "us" → u), so such a word also matches its stem's other
 * forms there (documented in the README). Every longer word stems alike on both engines.
 */
const hasShortWord = (q: QueryRecord) => q.q.split(/\s+/).some((word) => word.replace(/[^\p{L}\p{N}]/gu, '').length < 3);

describe('search benchmark on PostgreSQL beside SQLite, 300 passages', () => {
  it('ran project-postgresql with timings in every class, its database sized and its memory apart', () => {
    const pg = engine('project-postgresql');
    expect(pg.skipped).toBeUndefined();
    expect(pg.overall!.count + pg.natural!.count).toBe(bench.json.queries.count);
    expect(pg.overall!.p50).toBeGreaterThan(0);
    for (const [cls, summary] of Object.entries(pg.classes!)) expect(summary.p95, cls).toBeGreaterThan(0);
    expect(pg.build!.indexBytesKind).toBe('server');
    expect(pg.build!.buildMs).toBeGreaterThan(0);
    expect(pg.build!.relationBytes!['passage_fts']).toBeGreaterThan(0);
    expect(pg.build!.indexBytes).toBeGreaterThan(pg.build!.relationBytes!['passage_fts']);
    expect(pg.rssOf).toBe('child process');
    expect(pg.maxRssBytes).toBeGreaterThanOrEqual(pg.rssBytes!);
    expect(pg.server!.processes).toBeGreaterThan(1);
    expect(pg.server!.rssBytes).toBeGreaterThan(0);
  });

  it('finds each planted rare word in the same passages as the SQLite project', () => {
    const lite = engine('project').queries!;
    const pg = engine('project-postgresql').queries!;
    for (const { word } of PLANTED_WORDS) {
      const planted = bench.json.corpus.stats.planted[word]?.published ?? 0;
      const onSqlite = lite.find((q) => q.q === word && !q.cls.includes('filters'))!;
      const onPostgres = pg.find((q) => q.id === onSqlite.id)!;
      expect(onPostgres.total, word).toBe(planted);
      if (planted <= 10) expect(sorted(onPostgres.ids), word).toEqual(sorted(onSqlite.ids));
    }
  });

  it('counts the same matches as SQLite for every exact-word query both answered as typed', () => {
    const lite = new Map(engine('project').queries!.map((q) => [q.id, q]));
    const both = engine('project-postgresql').queries!.filter((q) => exact(q) && exact(lite.get(q.id)!) && !hasShortWord(q));
    expect(both.length).toBeGreaterThanOrEqual(60);
    for (const q of both) {
      const onSqlite = lite.get(q.id)!;
      expect(q.total, `${q.q} ${JSON.stringify(q.filters)}`).toBe(onSqlite.total);
      // Few matches: every one is on the page, so the pages hold the same passages whatever the ranking.
      if (onSqlite.total! <= 10) expect(sorted(q.ids), q.q).toEqual(sorted(onSqlite.ids));
    }
  });

  it('starts PostgreSQL only when project-postgresql is named in --engines', () => {
    expect(parseArgs([]).engines).not.toContain('project-postgresql');
    expect(parseArgs(['--engines', 'project,project-postgresql']).engines).toEqual(['project', 'project-postgresql']);
  });

  it('writes the side-by-side table into the Markdown report', () => {
    const markdown = readFileSync(bench.result.files.markdown, 'utf8');
    expect(markdown).toContain('## The project on SQLite and on PostgreSQL');
    expect(markdown).toContain('| rare: p50 / p95 / p99 ms |');
    expect(markdown).toMatch(/\| load \| .* s \(generate .*\| .* s \(copy from the SQLite file/);
    expect(markdown).toMatch(/\| database server memory \| in the search process \| RSS \d/);
    expect(markdown).toContain('| project-postgresql |');
  });
});
