// The parts of bench:http and bench:bundle that do not need the production server: the command line,
// one real autocannon cell against a small local server, the static baseline's files (and that they
// leave the build fresh), each page's ratio to its baseline, and the tables.
import { createServer, type Server } from 'node:http';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildIsStale } from '@/scripts/build-freshness';
import { bundleTable, fileName } from '@/bench/http/bundle-report';
import { runCell, waitUntilQuiet, type CellFigures } from '@/bench/http/measure';
import { parseHttpArgs, UsageError } from '@/bench/http/options';
import { totals } from '@/bench/http/page-scripts';
import { firstPassagePath } from '@/bench/http/public-pages';
import { archiveTable, goalLine, goalLines, markdownReport, ratio, type HttpBenchResult } from '@/bench/http/report';
import { serverEnvironment } from '@/bench/http/server';
import { STATIC_DIR, StaticBaseline, staticBody } from '@/bench/http/static-baseline';
import { discoverTargets, measureBodies, SEARCH_QUERIES, searchPath } from '@/bench/http/targets';
import { freshQueries } from '@/bench/http/fresh-queries';
import { databaseFilePath, openReader } from '@/lib/db';
import { searchPassages } from '@/lib/search/search-passages';

const ROOT = '/repo/bench';

describe('bench:http command line', () => {
  it('defaults to both archives, every address, 1/10/100 connections and 10 s a cell', () => {
    const options = parseHttpArgs([], ROOT);
    expect(options).toMatchObject({
      archives: ['seed', '100k'],
      targets: ['home', 'document', 'topic', 'search-page', 'search-api', 'search-page-new', 'search-api-new'],
      connections: [1, 10, 100],
      durationSeconds: 10,
      warmupSeconds: 2,
      baseline: true,
      port: 3102,
      outDir: '/repo/bench/results',
      corpusFile: '/repo/bench/.cache/corpus-100000-42.db',
    });
  });

  it('reads lists and numbers, sorting and de-duplicating connection counts', () => {
    const options = parseHttpArgs(
      ['--archives', '100k', '--targets', 'search-api,home', '--connections', '10,1,10', '--duration', '3', '--no-baseline', '--port', '3112'],
      ROOT,
    );
    expect(options).toMatchObject({
      archives: ['100k'],
      targets: ['search-api', 'home'],
      connections: [1, 10],
      durationSeconds: 3,
      baseline: false,
      port: 3112,
    });
  });

  it.each([
    [['--archives', 'million'], /--archives: unknown "million"; choose from seed, 100k/],
    [['--targets', 'home,,'], null],
    [['--targets', ','], /--targets needs at least one/],
    [['--connections', '0'], /--connections needs a whole number from 1 to 1000, not "0"/],
    [['--duration', '2.5'], /--duration needs a whole number/],
    [['--port', '70000'], /--port needs a whole number from 1 to 65535/],
    [['--bogus'], /Unknown option '--bogus'[\s\S]*Usage: npm run bench:http/],
  ])('%j is refused with a message that says why (or read when harmless)', (argv, message) => {
    if (message === null) expect(parseHttpArgs(argv, ROOT)).toMatchObject({ targets: ['home'] });
    else expect(() => parseHttpArgs(argv, ROOT)).toThrow(message);
    if (message) expect(() => parseHttpArgs(argv, ROOT)).toThrow(UsageError);
  });

  it('asks for help', () => expect(parseHttpArgs(['-h'], ROOT)).toBe('help'));

  it('runs the server with embedding on start off and loopback exempt from the rate limits, on the given file', () => {
    const env = serverEnvironment({ port: 3112, databaseFile: '/tmp/x.db' });
    expect(env).toMatchObject({
      PORT: '3112',
      DATABASE_URL: 'file:/tmp/x.db',
      SEARCH_EMBED_ON_START: 'off',
      RATE_LIMIT_EXEMPT: 'loopback',
      TRUSTED_PROXIES: '',
    });
  });

  it('encodes search queries as a browser would', () => {
    expect(searchPath('/api/v1/search', '"human rights"')).toBe('/api/v1/search?q=%22human+rights%22');
    expect(SEARCH_QUERIES.length).toBeGreaterThanOrEqual(5);
  });
});

describe('one autocannon cell against a local server', () => {
  let server: Server;
  let origin: string;
  const seen: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      seen.push(request.url ?? '');
      response.statusCode = request.url === '/missing' ? 404 : 200;
      response.end('hello');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('requests the paths in turn and counts requests, latency and non-2xx answers', async () => {
    const cell = await runCell({ origin, paths: ['/a', '/missing'], connections: 2, durationSeconds: 1 });
    expect(cell.requests).toBeGreaterThan(10);
    // Completed requests over the real length of the cell (about 1 s).
    expect(cell.rps).toBeGreaterThan(cell.requests / 1.5);
    expect(cell.rps).toBeLessThanOrEqual(cell.requests * 1.05);
    expect(cell.p99).toBeGreaterThanOrEqual(cell.p50);
    expect(cell.errors).toBe(0);
    // Half the requests were for the missing path: they are the non-2xx.
    expect(cell.non2xx).toBeGreaterThan(cell.requests / 3);
    expect(cell.non2xx).toBeLessThan((cell.requests * 2) / 3);
    expect(new Set(seen)).toEqual(new Set(['/a', '/missing']));
  });

  it('goes on through a list asked once each from cell to cell, with a shared cursor', async () => {
    seen.length = 0;
    const paths = Array.from({ length: 100_000 }, (_, i) => `/q${i}`);
    const cursor = { next: 0 };
    const first = await runCell({ origin, paths, connections: 2, durationSeconds: 1, cursor });
    const second = await runCell({ origin, paths, connections: 2, durationSeconds: 1, cursor });
    expect(first.requests).toBeGreaterThan(10);
    // Every path was asked at most once, the second cell starting where the first stopped.
    expect(new Set(seen).size).toBe(seen.length);
    // autocannon counts what completed within a cell; a request in flight at its end reaches the server uncounted.
    expect(seen.length).toBeGreaterThanOrEqual(first.requests + second.requests);
    expect(seen.length).toBeLessThanOrEqual(first.requests + second.requests + 4);
    expect(cursor.next).toBeGreaterThanOrEqual(seen.length);
  });
});

describe('queries never asked before', () => {
  const seedFile = () => databaseFilePath(process.env.DATABASE_URL!);

  it("makes distinct queries from the archive's text, the kinds taking turns", () => {
    const queries = freshQueries(seedFile(), 600);
    expect(queries).toHaveLength(600);
    expect(new Set(queries).size).toBe(600);
    // word, two words, phrase, prefix, word, two words.
    const kind = (q: string) => (q.startsWith('"') ? 'phrase' : q.endsWith('*') ? 'prefix' : q.includes(' ') ? 'two words' : 'word');
    expect(queries.slice(0, 12).map(kind)).toEqual([...Array(2)].flatMap(() => ['word', 'two words', 'phrase', 'prefix', 'word', 'two words']));
  });

  it('makes queries that find something', async () => {
    const db = openReader(seedFile());
    try {
      for (const q of freshQueries(seedFile(), 60)) {
        const found = await searchPassages(db, { q, page: 1, pageSize: 10, mode: 'lexical' });
        expect(found.total, q).toBeGreaterThan(0);
      }
    } finally {
      db.close();
    }
  });

  it('gives fewer when the text has no more to give, never one twice', () => {
    const queries = freshQueries(seedFile(), 1_000_000);
    expect(queries.length).toBeGreaterThan(1_000);
    expect(queries.length).toBeLessThan(1_000_000);
    expect(new Set(queries).size).toBe(queries.length);
  });

  it('splits them between the search page and the API, leaving out the mix asked in turn and keeping some to size the bodies', async () => {
    const fresh = ['sanctions', ...Array.from({ length: 100 }, (_, i) => `word${i}`)];
    const [page, api] = await discoverTargets('http://unused', ['search-page-new', 'search-api-new'], fresh);
    const queryOf = (p: string) => new URL(p, 'http://x').searchParams.get('q')!;
    const pageQueries = [...page!.paths, ...page!.once!.sizePaths].map(queryOf);
    const apiQueries = [...api!.paths, ...api!.once!.sizePaths].map(queryOf);
    expect(page!.paths[0]).toMatch(/^\/search\?q=/);
    expect(api!.paths[0]).toMatch(/^\/api\/v1\/search\?q=/);
    expect(pageQueries.filter((q) => apiQueries.includes(q))).toEqual([]);
    expect([...pageQueries, ...apiQueries]).not.toContain('sanctions');
    expect(pageQueries.length + apiQueries.length).toBe(100);
    expect(api!.once!.sizePaths.filter((p) => api!.paths.includes(p))).toEqual([]);
    expect(api!.label).toBe('search API, queries never asked before (30 available)');
  });
});

describe("a target's bodies", () => {
  it('reads each path without compression, gives their bytes and mean size, and reports a failing path rather than timing it', async () => {
    const answers: Record<string, string> = { '/a': 'Testimony… one', '/b': 'two' };
    const asked: (string | undefined)[] = [];
    const server = createServer((request, response) => {
      asked.push(request.headers['accept-encoding'] as string | undefined);
      const body = answers[request.url ?? ''];
      response.statusCode = body === undefined ? 500 : 200;
      response.end(body ?? 'broken');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const measured = await measureBodies(origin, { name: 'search-page', paths: ['/a', '/b'], label: 'two' });
    // 'Testimony… one' is 16 bytes (… takes three), 'two' 3: a mean of 9.5, rounded.
    expect(measured).toEqual({ bytes: 10, bodies: [Buffer.from('Testimony… one'), Buffer.from('two')] });
    expect(asked).toEqual(['identity', 'identity']);
    expect(await measureBodies(origin, { name: 'topic', paths: ['/a', '/gone'], label: 'x' })).toEqual({ failed: 'GET /gone answered 500' });
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});

describe('waiting for a quiet server', () => {
  it('returns once the probe answers fast, and keeps waiting while it is slow', async () => {
    let slowFor = 3;
    const server = createServer((_request, response) => {
      if (slowFor-- > 0) setTimeout(() => response.end('slow'), 120);
      else response.end('fast');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const waited = await waitUntilQuiet(origin, '/', { quietMs: 100, times: 2 });
    // Three slow answers (120 ms each) and two fast ones, 200 ms apart.
    expect(waited).toBeGreaterThan(3 * 120 + 4 * 200);
    expect(slowFor).toBeLessThan(0);
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
});

describe('the static baseline', () => {
  let root: string;
  beforeAll(() => {
    // A project with one source older than its build: fresh.
    root = mkdtempSync(path.join(os.tmpdir(), 'http-bench-'));
    mkdirSync(path.join(root, '.next'));
    mkdirSync(path.join(root, 'app'));
    writeFileSync(path.join(root, 'app', 'page.tsx'), '');
    const old = new Date(Date.now() - 60_000);
    for (const p of ['app/page.tsx', 'app']) utimesSync(path.join(root, p), old, old);
    writeFileSync(path.join(root, '.next', 'BUILD_ID'), 'x');
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it("stands in for an address with the address's own bytes, at their mean size", () => {
    const page = Buffer.from('<p>Kim Il-sung… the border · 1994</p>');
    expect(staticBody([page], page.length).equals(page)).toBe(true);
    // Two answers of 5 and 9 bytes: 7 bytes, the first answer and the start of the second.
    expect(staticBody([Buffer.from('{"a":'), Buffer.from('{"b":"…"}')], 7).toString('latin1')).toBe('{"a":{"');
  });

  it('writes its files into public/ without making the build stale, and removes them with the public/ it made', () => {
    expect(buildIsStale(root)).toBe(false);
    const baseline = new StaticBaseline(root);
    const home = Buffer.from('<!doctype html><p>Testimony… kept</p>'.repeat(40));
    const files = baseline.write([
      { name: 'seed-home', body: home, kind: 'html' },
      { name: 'seed-search-api', body: Buffer.from('{"total":1}'), kind: 'json' },
    ]);
    expect(files).toEqual([
      { path: `/${STATIC_DIR}/seed-home.html`, bytes: home.length },
      { path: `/${STATIC_DIR}/seed-search-api.json`, bytes: 11 },
    ]);
    expect(readFileSync(path.join(root, 'public', STATIC_DIR, 'seed-home.html')).equals(home)).toBe(true);
    expect(buildIsStale(root)).toBe(false);
    baseline.remove();
    expect(readdirSync(root).sort()).toEqual(['.next', 'app']);
  });

  it('refuses to write before there is a build', () => {
    const empty = mkdtempSync(path.join(os.tmpdir(), 'http-bench-empty-'));
    expect(() => new StaticBaseline(empty).write([{ name: 'x', body: Buffer.from('<p>x</p>'), kind: 'html' }])).toThrow(/No build yet/);
    rmSync(empty, { recursive: true, force: true });
  });
});

const cell = (connections: number, rps: number, p50: number, p99: number, errors = 0, non2xx = 0): CellFigures => ({
  connections,
  durationSeconds: 10,
  requests: rps * 10,
  rps,
  p50,
  p90: p99,
  p99,
  max: p99,
  errors,
  timeouts: 0,
  non2xx,
  bytesPerSecond: 0,
});

describe('ratios and tables', () => {
  it('says how many times slower a page is than its static file, by req/s and by p50', () => {
    expect(ratio(cell(10, 122, 77, 90), cell(10, 3531, 1, 2))).toEqual({ rps: 3531 / 122, p50: 77 });
    expect(ratio(cell(10, 100, 5, 9), undefined)).toEqual({ rps: null, p50: null });
    // A static p50 of 0 ms (below autocannon's resolution) gives no ratio rather than infinity.
    expect(ratio(cell(10, 100, 5, 9), cell(10, 200, 0, 1))).toEqual({ rps: 2, p50: null });
    expect(ratio(cell(10, 0, 5, 9), cell(10, 200, 1, 1)).rps).toBeNull();
  });

  const result = (apiP99: number, errors = 0): HttpBenchResult => ({
    meta: {
      startedAt: '2026-12-02T04:00:00Z',
      finishedAt: '2026-12-02T04:10:00Z',
      commit: 'abc123',
      node: 'v20',
      cpus: 2,
      loadBefore: 1.5,
      loadAfter: 2,
      durationSeconds: 10,
      warmupSeconds: 2,
      connections: [1, 10],
      staticDir: STATIC_DIR,
    },
    archives: [
      {
        name: '100k',
        databaseFile: '/x.db',
        passages: 100_000,
        targets: [
          {
            name: 'search-api',
            label: 'search API',
            paths: ['/api/v1/search?q=a'],
            bytes: 2048,
            cells: [cell(1, 50, 20, 30), cell(10, 120, 40, apiP99, errors)],
            baseline: { path: '/_bench-static/x.json', bytes: 2048, cells: [cell(1, 2000, 0.5, 1), cell(10, 4000, 2, 4)] },
          },
        ],
      },
    ],
  });

  it('builds one row per address and connection count, with the static figures and the ratios', () => {
    const table = archiveTable(result(45).archives[0]!);
    const rows = table.split('\n');
    expect(rows).toHaveLength(4);
    expect(rows[3]).toBe('| search API | 2.0 KiB | 10 | 120 | 40.0 | 45.0 | 0 | 0 | 4,000 | 2.00 | 33× | 20× |');
    expect(rows[2]).toBe('| search API | 2.0 KiB | 1 | 50.0 | 20.0 | 30.0 | 0 | 0 | 2,000 | 0.50 | 40× | 40× |');
  });

  it('shows an address that failed before the load as not measured, with the reason', () => {
    const archive = result(45).archives[0]!;
    archive.targets.push({
      name: 'topic',
      label: 'topic page /topics/china',
      paths: ['/topics/china'],
      bytes: 0,
      cells: [],
      failed: 'GET /topics/china answered 500',
    });
    expect(archiveTable(archive).split('\n').at(-1)).toBe(
      '| topic page /topics/china | – | – | not measured: GET /topics/china answered 500 | | | | | | | | |',
    );
  });

  it('says whether the search API goal is met, and by how much it is missed', () => {
    expect(goalLine(result(45))).toMatch(/: met\.$/);
    expect(goalLine(result(72.5))).toMatch(/missed: p99 72\.5 ms, 22\.5 ms over\.$/);
    expect(goalLine(result(30, 3))).toMatch(/missed: 3 errors or non-2xx\.$/);
    // A cell where nothing completed (p99 reads 0) is not a goal met.
    const nothing = result(0);
    nothing.archives[0]!.targets[0]!.cells[1]!.requests = 0;
    expect(goalLine(nothing)).toMatch(/missed: no request completed in the cell\.$/);
    const noCorpus = { ...result(45), archives: [] };
    expect(goalLine(noCorpus)).toBeNull();
  });

  it('says so for the queries never asked before too, and names which queries each line is about', () => {
    const both = result(45);
    const fresh = { ...both.archives[0]!.targets[0]!, name: 'search-api-new' as const, cells: [cell(10, 30, 300, 700)], repeated: 12 };
    both.archives[0]!.targets.push(fresh);
    expect(goalLines(both)).toEqual([
      expect.stringMatching(/queries asked in turn \(kept answers\): met\.$/),
      expect.stringMatching(/queries never asked before: missed: p99 700 ms, 650 ms over\.$/),
    ]);
    expect(archiveTable(both.archives[0]!)).toContain('| search API; 12 requests asked one again | 2.0 KiB | 10 | 30.0 |');
  });

  it('writes the Markdown report with the machine, the method and a section per archive', () => {
    const md = markdownReport(result(45));
    expect(md).toContain('load average 1.50 before and 2.00 after');
    expect(md).toContain('`public/_bench-static/`');
    expect(md).toContain('## Synthetic corpus, 100,000 passages');
    expect(md).toContain('| search API | 2.0 KiB | 10 | 120 |');
  });
});

describe('bench:bundle', () => {
  it('sums the scripts of a page', () => {
    const t = totals('/', [
      { url: 'http://h/_next/static/chunks/a.js', raw: 1000, gzip: 400, transferred: 410 },
      { url: 'http://h/_next/static/chunks/b.js', raw: 500, gzip: 200, transferred: 0 },
    ]);
    expect(t).toMatchObject({ raw: 1500, gzip: 600, transferred: 410 });
  });

  it('tabulates every page and the reader page file by file', () => {
    const files = [{ url: 'http://h/_next/static/chunks/main-1.js', raw: 2000, gzip: 900, transferred: 905 }];
    const md = bundleTable({ measuredAt: 'now', pages: [{ name: 'reader (document)', path: '/documents/x', ...totals('/documents/x', files) }] });
    expect(md).toContain('| reader (document) | `/documents/x` | 1 | 2.0 | 0.9 | 0.9 | – |');
    expect(md).toContain('| `chunks/main-1.js` | 2.0 | 0.9 |');
    expect(fileName('http://h/_next/static/chunks/x.js?dpl=1')).toBe('chunks/x.js');
  });

  it('finds the first passage link of a document page', () => {
    const html = '<a href="/documents/a-b/passages/q-12#x">q</a><a href="/documents/a-b/passages/p-3">p</a>';
    expect(firstPassagePath(html, '/documents/a-b')).toBe('/documents/a-b/passages/q-12');
    expect(firstPassagePath('<p>none</p>', '/documents/a-b')).toBeNull();
  });
});
