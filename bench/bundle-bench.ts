// `npm run bench:bundle`: the first-load JavaScript of every public page, as a browser loads it from
// the production server (`npm start` on the seed archive). See bench/http/page-scripts.ts for how it
// counts. Writes bench/results/bundle.{json,md}; progress on stderr. Options: --port P (3102),
// --out DIR (bench/results), --work DIR (bench/.cache/http).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium, type Browser } from '@playwright/test';
import { bundleTable, type BundleResult } from './http/bundle-report';
import { measurePageScripts } from './http/page-scripts';
import { publicPages } from './http/public-pages';
import { startServer } from './http/server';

const ROOT = path.resolve(import.meta.dirname, '..');
const progress = (line: string) => process.stderr.write(`${line}\n`);

async function main() {
  const { values } = parseArgs({ options: { port: { type: 'string' }, out: { type: 'string' }, work: { type: 'string' } } });
  const port = Number(values.port ?? 3102);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new Error(`--port needs a port number, not "${values.port}".`);
  const outDir = path.resolve(values.out ?? path.join(ROOT, 'bench', 'results'));
  const workDir = path.resolve(values.work ?? path.join(ROOT, 'bench', '.cache', 'http'));
  mkdirSync(workDir, { recursive: true });

  progress(`Starting npm start on port ${port} (builds first when the build is stale)…`);
  const server = await startServer({ root: ROOT, port, databaseFile: path.join(workDir, 'seed.db'), logFile: path.join(workDir, 'server-bundle.log') });
  const result: BundleResult = { measuredAt: new Date().toISOString(), pages: [] };
  // Launched inside the try: a browser that fails to start (not installed) must not leave the server running.
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
    for (const page of await publicPages(server.origin)) {
      // A fresh context per page: nothing cached from the page before.
      const context = await browser.newContext();
      const scripts = await measurePageScripts(await context.newPage(), `${server.origin}${page.path}`);
      await context.close();
      result.pages.push({ name: page.name, path: page.path, ...scripts, url: page.path });
      progress(`  ${page.name} ${page.path}: ${scripts.files.length} scripts, ${(scripts.gzip / 1024).toFixed(1)} KiB gzip`);
    }
  } finally {
    await browser?.close();
    await server.stop();
  }
  mkdirSync(outDir, { recursive: true });
  writeFileSync(path.join(outDir, 'bundle.json'), `${JSON.stringify(result, null, 2)}\n`);
  const table = bundleTable(result);
  writeFileSync(path.join(outDir, 'bundle.md'), table);
  console.log(table);
}

await main();
