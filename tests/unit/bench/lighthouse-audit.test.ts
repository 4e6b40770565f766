// The report of `npm run audit:lighthouse`, from a made-up run (Lighthouse itself needs the server and
// Chromium, so it runs only in the audit): scores below goal stand out, and an audit that fails for
// want of another branch's feature says which.
import { describe, expect, it } from 'vitest';
import type { RunResult } from '@/bench/lighthouse/categories';
import { markdownReport, type LighthouseReport } from '@/bench/lighthouse/report';

const run = (over: Partial<RunResult> = {}): RunResult => ({
  scores: { performance: 99, accessibility: 100, 'best-practices': 100, seo: 100 },
  metrics: { 'first-contentful-paint': 812, 'largest-contentful-paint': 1500, 'total-blocking-time': 20, 'cumulative-layout-shift': 0 },
  failing: { performance: [], accessibility: [], 'best-practices': [], seo: [] },
  opportunities: [],
  offsiteRequests: [],
  runWarnings: [],
  lighthouseVersion: '12.8.2',
  userAgent: 'Chromium',
  ...over,
});

const report = (pages: LighthouseReport['pages']): LighthouseReport => ({
  meta: {
    startedAt: '2026-12-02T08:00:00Z',
    finishedAt: '2026-12-02T08:05:00Z',
    commit: 'abc1234',
    lighthouse: '12.8.2',
    chromium: 'Chromium 156',
    loadBefore: 1,
    loadAfter: 2,
    runs: 1,
  },
  pages,
});

describe('lighthouse report', () => {
  it('gives one row per page and preset, with scores below goal in bold', () => {
    const md = markdownReport(
      report([
        { name: 'home', path: '/', preset: 'phone', ...run({ scores: { performance: 94, accessibility: 100, 'best-practices': 96, seo: 100 } }) },
        { name: 'home', path: '/', preset: 'desktop', ...run() },
      ]),
    );
    expect(md).toContain('| home `/` | phone | **94** | 100 | **96** | 100 | 0.81 s | 1.50 s | 20 ms | 0.000 |');
    expect(md).toContain('| home `/` | desktop | 99 | 100 | 100 | 100 |');
    expect(md).toContain('Nothing: every weighted audit passes.');
    expect(md).toContain('Requests to other origins during the runs: none.');
  });

  it('names the feature an audit waits for, and lists what the audit points at', () => {
    const failing = {
      ...run().failing,
      'best-practices': [
        { id: 'errors-in-console', title: 'Browser errors were logged to the console', score: 0, items: ['http://127.0.0.1:3107/favicon.ico'] },
      ],
      accessibility: [
        { id: 'color-contrast', title: 'Background and foreground colors do not have a sufficient contrast ratio.', score: 0, items: ['<mark>'] },
      ],
    };
    const md = markdownReport(report([{ name: 'topic', path: '/topics/china', preset: 'phone', ...run({ failing }) }]));
    expect(md).toContain('- topic (phone):');
    expect(md).toContain('best-practices · `errors-in-console` Browser errors were logged to the console — awaits /favicon.ico');
    expect(md).toMatch(/accessibility · `color-contrast` [^\n]*: `<mark>`/);
    expect(md).not.toMatch(/color-contrast[^\n]*awaits/);
  });
});
