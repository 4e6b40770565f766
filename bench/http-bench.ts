// `npm run bench:http`: the production server under load on loopback (see bench/README.md).
// For each archive (the seed; the 100,000-passage synthetic corpus of bench:search) it starts
// `npm start` on a copy of the database, finds a document and a topic through the API, and measures
// the home, document, topic and search pages and the search API with autocannon at 1, 10 and 100
// connections, each beside a static file holding its own body, served by the same server.
// Writes bench/results/http.json and http.md; progress goes to stderr.
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { openReadOnlyDatabase } from '@/lib/db';
import { runCell, waitUntilQuiet, type CellFigures } from './http/measure';
import { ARCHIVES, parseHttpArgs, UsageError, USAGE, type ArchiveName, type HttpBenchOptions } from './http/options';
import { goalLines, markdownReport, type ArchiveResult, type HttpBenchResult, type TargetResult } from './http/report';
import { startServer, type RunningServer } from './http/server';
import { STATIC_DIR, StaticBaseline, staticBody } from './http/static-baseline';
import { freshQueries } from './http/fresh-queries';
import { discoverTargets, measureBodies } from './http/targets';

const ROOT = path.resolve(import.meta.dirname, '..');
const progress = (line: string) => process.stderr.write(`${line}\n`);

/** The database the server runs on: the seed archive (kept between runs) or a fresh copy of the corpus. */
function databaseFor(archive: ArchiveName, options: HttpBenchOptions): string {
  mkdirSync(options.workDir, { recursive: true });
  if (archive === 'seed') return path.join(options.workDir, 'seed.db'); // `npm start` seeds it when new
  if (!existsSync(options.corpusFile)) {
    throw new Error(`No corpus at ${options.corpusFile}: build it with \`npm run bench:search -- --passages 100000 --engines fts5-floor --runs 1\`.`);
  }
  const copy = path.join(options.workDir, 'corpus-100000.db');
  for (const suffix of ['', '-wal', '-shm']) rmSync(copy + suffix, { force: true });
  copyFileSync(options.corpusFile, copy); // a copy: the server migrates and writes its own file
  return copy;
}

function passageCount(file: string): number | null {
  try {
    const db = openReadOnlyDatabase(file);
    try {
      return (db.prepare('SELECT count(*) AS n FROM Passage').get() as { n: number }).n;
    } finally {
      db.close();
    }
  } catch {
    return null;
  }
}

/** Distinct queries made for the "-new" targets (half each). */
const FRESH_QUERIES = 40_000;

/** The paths a result records: every one of a mix; of a list asked once each, its first few (the whole list is tens of thousands). */
const recordedPaths = (target: { paths: string[]; once?: unknown }) => (target.once ? target.paths.slice(0, 10) : target.paths);

const describe = (c: CellFigures) => `${c.rps.toFixed(0)} req/s, p50 ${c.p50} ms, p99 ${c.p99} ms, ${c.errors} errors, ${c.non2xx} non-2xx`;

async function measureArchive(archive: ArchiveName, options: HttpBenchOptions, cleanup: Set<() => Promise<void> | void>): Promise<ArchiveResult> {
  const databaseFile = databaseFor(archive, options);
  const logFile = path.join(options.workDir, `server-${archive}.log`);
  const start = async () => {
    progress(`[${archive}] starting npm start on port ${options.port} (builds first when the build is stale)…`);
    const server = await startServer({ root: ROOT, port: options.port, databaseFile, logFile });
    cleanup.add(server.stop);
    return server;
  };
  const stop = async (server: RunningServer) => {
    await server.stop();
    cleanup.delete(server.stop);
  };

  let server = await start();
  // Enough for every cell of both "-new" targets at the pace of a kept answer, so none is asked twice.
  const fresh = options.targets.some((t) => t.endsWith('-new')) ? freshQueries(databaseFile, FRESH_QUERIES) : [];
  const targets = await discoverTargets(server.origin, options.targets, fresh);
  const measured = await Promise.all(targets.map((t) => measureBodies(server.origin, t)));
  const sizes = measured.map((m) => ('bytes' in m ? m.bytes : 0));
  const baseline = new StaticBaseline(ROOT);
  let staticPaths: string[] = [];
  if (options.baseline) {
    await stop(server);
    const removeBaseline = () => baseline.remove();
    cleanup.add(removeBaseline);
    staticPaths = baseline
      .write(
        targets.map((t, i) => {
          const m = measured[i]!;
          const body = 'failed' in m ? Buffer.alloc(0) : staticBody(m.bodies, m.bytes);
          return { name: `${archive}-${t.name}`, body, kind: t.name.startsWith('search-api') ? 'json' : 'html' };
        }),
      )
      .map((f) => f.path);
    server = await start();
  }

  const results: TargetResult[] = [];
  try {
    for (const [i, target] of targets.entries()) {
      const m = measured[i]!;
      if ('failed' in m) {
        progress(`[${archive}] ${target.label}: not measured, ${m.failed}`);
        results.push({ name: target.name, label: target.label, paths: recordedPaths(target), bytes: 0, cells: [], failed: m.failed });
        continue;
      }
      progress(`[${archive}] ${target.label} (${sizes[i]} bytes)`);
      const result: TargetResult = { name: target.name, label: target.label, paths: recordedPaths(target), bytes: sizes[i]!, cells: [] };
      if (options.baseline) result.baseline = { path: staticPaths[i]!, bytes: sizes[i]!, cells: [] };
      // A target whose paths are each asked once goes on through its list from cell to cell.
      const cursor = target.once ? { next: 0 } : undefined;
      if (options.warmupSeconds > 0) {
        await runCell({ origin: server.origin, paths: target.paths, connections: 10, durationSeconds: options.warmupSeconds, cursor });
        if (result.baseline) await runCell({ origin: server.origin, paths: [result.baseline.path], connections: 10, durationSeconds: options.warmupSeconds });
      }
      // Quiet means a small static file answers fast: the server has finished what the last cell left.
      const probe = staticPaths[0];
      const settle = async () => {
        if (!probe) return; // --no-baseline: no small file to probe with
        const waited = await waitUntilQuiet(server.origin, probe);
        if (waited > 2_000) progress(`  (waited ${(waited / 1000).toFixed(0)} s for the server to finish the last cell's requests)`);
      };
      for (const connections of options.connections) {
        await settle();
        const cell = await runCell({ origin: server.origin, paths: target.paths, connections, durationSeconds: options.durationSeconds, cursor });
        result.cells.push(cell);
        progress(`  ${String(connections).padStart(3)} conn  page:   ${describe(cell)}`);
        if (result.baseline) {
          await settle();
          const base = await runCell({ origin: server.origin, paths: [result.baseline.path], connections, durationSeconds: options.durationSeconds });
          result.baseline.cells.push(base);
          progress(`  ${String(connections).padStart(3)} conn  static: ${describe(base)}`);
        }
      }
      if (cursor && cursor.next > target.paths.length) {
        result.repeated = cursor.next - target.paths.length;
        progress(`  (${result.repeated} requests repeated a query: the archive offered ${target.paths.length} distinct ones)`);
      }
      results.push(result);
    }
  } finally {
    await stop(server);
    baseline.remove();
  }
  return { name: archive, databaseFile, passages: passageCount(databaseFile), targets: results };
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

async function main() {
  let options: HttpBenchOptions;
  try {
    const parsed = parseHttpArgs(process.argv.slice(2), path.join(ROOT, 'bench'));
    if (parsed === 'help') {
      console.log(USAGE);
      return;
    }
    options = parsed;
  } catch (error) {
    console.error(error instanceof UsageError || error instanceof Error ? error.message : error);
    process.exitCode = 2;
    return;
  }

  // Stop the server and remove the static files however the run ends.
  const cleanup = new Set<() => Promise<void> | void>();
  const runCleanup = async () => {
    for (const step of [...cleanup].reverse()) await step();
    cleanup.clear();
  };
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void runCleanup().finally(() => process.exit(130)));
  }

  const startedAt = new Date().toISOString();
  const loadBefore = os.loadavg()[0]!;
  const archives: ArchiveResult[] = [];
  mkdirSync(options.outDir, { recursive: true });
  const json = path.join(options.outDir, 'http.json');
  const markdown = path.join(options.outDir, 'http.md');
  // Written after each archive, so a run that fails later keeps what it measured.
  const write = (): HttpBenchResult => {
    const result: HttpBenchResult = {
      meta: {
        startedAt,
        finishedAt: new Date().toISOString(),
        commit: gitCommit(),
        node: process.version,
        cpus: os.cpus().length,
        loadBefore,
        loadAfter: os.loadavg()[0]!,
        durationSeconds: options.durationSeconds,
        warmupSeconds: options.warmupSeconds,
        connections: options.connections,
        staticDir: STATIC_DIR,
      },
      archives,
    };
    writeFileSync(json, `${JSON.stringify(result, null, 2)}\n`);
    writeFileSync(markdown, markdownReport(result));
    return result;
  };
  try {
    for (const archive of ARCHIVES.filter((a) => options.archives.includes(a))) {
      archives.push(await measureArchive(archive, options, cleanup));
      write();
    }
  } finally {
    await runCleanup();
  }

  const result = write();
  console.log(markdownReport(result));
  for (const goal of goalLines(result)) progress(goal);
  progress(`Wrote ${path.relative(process.cwd(), json)} and ${path.relative(process.cwd(), markdown)}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  await main();
}
