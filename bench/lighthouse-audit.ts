// `npm run audit:lighthouse`: Lighthouse in Debian's Chromium against the production server (`npm
// start` on the seed archive, built first when stale), on the home page, the interview, a topic page
// and a passage page, with Lighthouse's phone and desktop presets. Writes
// bench/results/lighthouse.{json,md}; progress on stderr. Not part of `npm test`: a run takes minutes.
// Options: --runs N (1; the median run by performance is kept), --port P (3103), --out DIR, --work DIR,
// --presets phone,desktop.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { firstPassagePath } from './http/public-pages';
import { startServer } from './http/server';
import { markdownReport, type LighthouseReport, type PageRun } from './lighthouse/report';
import { PRESETS, type Preset, type RunResult } from './lighthouse/categories';
import { launchChrome, runLighthouse } from './lighthouse/run';

const ROOT = path.resolve(import.meta.dirname, '..');
const progress = (line: string) => process.stderr.write(`${line}\n`);

/** The pages the issue names, found through the public API so any archive works. */
async function pagesToAudit(origin: string): Promise<{ name: string; path: string }[]> {
  const first = async (list: string) => {
    const response = await fetch(`${origin}${list}`);
    if (!response.ok) throw new Error(`GET ${list} answered ${response.status}`);
    const url = ((await response.json()) as { items?: { url?: string }[] }).items?.[0]?.url;
    if (!url) throw new Error(`GET ${list} listed nothing.`);
    return new URL(url).pathname;
  };
  const document = await first('/api/v1/documents?kind=interview');
  const passage = firstPassagePath(await (await fetch(`${origin}${document}`)).text(), document);
  if (!passage) throw new Error(`${document} links to no passage page.`);
  return [
    { name: 'home', path: '/' },
    { name: 'document (interview)', path: document },
    { name: 'topic', path: await first('/api/v1/topics') },
    { name: 'passage', path: passage },
  ];
}

function gitCommit(): string | null {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8' }).trim();
  } catch {
    return null;
  }
}

function chromiumVersion(chromePath: string): string {
  try {
    return execFileSync(chromePath, ['--version'], { encoding: 'utf8' }).trim();
  } catch {
    return chromePath;
  }
}

function options() {
  const { values } = parseArgs({
    options: { runs: { type: 'string' }, port: { type: 'string' }, out: { type: 'string' }, work: { type: 'string' }, presets: { type: 'string' } },
  });
  const whole = (flag: string, value: string | undefined, fallback: number, max: number) => {
    if (value === undefined) return fallback;
    const n = Number(value);
    if (!Number.isInteger(n) || n < 1 || n > max) throw new Error(`--${flag} needs a whole number from 1 to ${max}, not "${value}".`);
    return n;
  };
  const presets = (values.presets ?? PRESETS.join(',')).split(',').map((p) => p.trim());
  for (const p of presets) if (!(PRESETS as readonly string[]).includes(p)) throw new Error(`--presets: unknown "${p}"; choose from ${PRESETS.join(', ')}.`);
  return {
    runs: whole('runs', values.runs, 1, 9),
    port: whole('port', values.port, 3103, 65535),
    outDir: path.resolve(values.out ?? path.join(ROOT, 'bench', 'results')),
    workDir: path.resolve(values.work ?? path.join(ROOT, 'bench', '.cache', 'lighthouse')),
    presets: presets as Preset[],
  };
}

/** The median run by performance score: the other categories hardly vary between runs. */
function median(runs: RunResult[]): RunResult {
  return [...runs].sort((a, b) => a.scores.performance - b.scores.performance)[Math.floor(runs.length / 2)]!;
}

async function main() {
  let opts;
  try {
    opts = options();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 2;
    return;
  }
  const chromePath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  mkdirSync(opts.workDir, { recursive: true });
  mkdirSync(opts.outDir, { recursive: true });
  const startedAt = new Date().toISOString();
  const loadBefore = os.loadavg()[0]!;

  progress(`Starting npm start on port ${opts.port} (builds first when the build is stale)…`);
  const server = await startServer({
    root: ROOT,
    port: opts.port,
    databaseFile: path.join(opts.workDir, 'seed.db'),
    logFile: path.join(opts.workDir, 'server.log'),
  });
  const stopAll: (() => Promise<void> | void)[] = [server.stop];
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => void Promise.all(stopAll.map((s) => s())).finally(() => process.exit(130)));
  }
  const pages: PageRun[] = [];
  let lighthouseVersion = '';
  try {
    const targets = await pagesToAudit(server.origin);
    // Warm the page cache, so the first audited load is not the one that renders the page.
    for (const t of targets) await (await fetch(`${server.origin}${t.path}`)).arrayBuffer();
    const chrome = await launchChrome(chromePath);
    stopAll.push(() => chrome.kill());
    try {
      const total = targets.length * opts.presets.length * opts.runs;
      let done = 0;
      for (const target of targets) {
        for (const preset of opts.presets) {
          const runs: RunResult[] = [];
          for (let i = 0; i < opts.runs; i++) {
            const run = await runLighthouse(`${server.origin}${target.path}`, preset, chrome.port);
            runs.push(run);
            done++;
            const s = run.scores;
            progress(
              `[${done}/${total}] ${target.name} ${target.path} (${preset}${opts.runs > 1 ? `, run ${i + 1}` : ''}): performance ${s.performance}, accessibility ${s.accessibility}, best practices ${s['best-practices']}, SEO ${s.seo}`,
            );
          }
          const kept = median(runs);
          lighthouseVersion = kept.lighthouseVersion;
          pages.push({ name: target.name, path: target.path, preset, ...kept });
        }
      }
    } finally {
      await chrome.kill();
    }
  } finally {
    await server.stop();
  }

  const report: LighthouseReport = {
    meta: {
      startedAt,
      finishedAt: new Date().toISOString(),
      commit: gitCommit(),
      lighthouse: lighthouseVersion,
      chromium: chromiumVersion(chromePath),
      loadBefore,
      loadAfter: os.loadavg()[0]!,
      runs: opts.runs,
    },
    pages,
  };
  const json = path.join(opts.outDir, 'lighthouse.json');
  const markdown = path.join(opts.outDir, 'lighthouse.md');
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  writeFileSync(markdown, markdownReport(report));
  console.log(markdownReport(report));
  progress(`Wrote ${path.relative(process.cwd(), json)} and ${path.relative(process.cwd(), markdown)}`);
}

await main();
