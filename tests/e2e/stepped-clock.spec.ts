// Page renewal when the machine's wall clock was stepped ahead after the server started, as a virtual
// machine's clock is set again after a pause (this project's CI machine once stepped about 20 s). Next's
// page cache stamps pages and renewals with the wall clock but compares them with the monotonic one,
// so each renewal counted only 20 s late: the first reader after a start got the build's placeholder,
// and saves showed late (lib/server/one-clock.ts). Here a server of this spec's own runs `npm start`'s
// path on an archive of its own, with its wall clock WALL_CLOCK_STEP_MS ahead (support/stepped-clock.mjs),
// on the same build as Playwright's server, whose cached pages of another archive it must not serve.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { SCRIPT_NODE_ARGS } from '@/scripts/node-args';
import { startOwnServer, type OwnServer } from './support/own-server';

const ROOT = path.resolve(import.meta.dirname, '../..');
const WORK = path.join(ROOT, 'data/e2e-clock');
const DATABASE_URL = 'file:./data/e2e-clock/archive.db';
/** Far longer than any wait below: a renewal that counts only this late fails every test here. */
const STEP_MS = 30_000;
/**
 * Another process's write shows within a few seconds (watcher every 250 ms, the renewal, a render on a
 * busy machine: cache-admin.spec.ts allows the CLI import as long), far inside the clock's step.
 */
const RENEWED_WITHIN_MS = 5_000;
/** Where Next keeps the pages it renders on demand; this spec's server writes there too. */
const PAGE_CACHE = path.join(ROOT, '.next/server/route-cache');

const RIVER = {
  file: 'river.txt',
  title: 'The River in Winter',
  text: '---\ntitle: The River in Winter\ndate: 2021-01-15\nauthor: Pat Moss\n---\nIn winter the river froze hard enough to walk across at night.\n',
};
const LETTERS = {
  file: 'letters.txt',
  title: 'Letters That Never Arrived',
  text: '---\ntitle: Letters That Never Arrived\ndate: 2019\nauthor: Pat Moss\n---\nThe letters were written every spring and none of them arrived.\n',
};

let server: OwnServer | null = null;
let startedAt = 0;

const env = { DATABASE_URL, SEARCH_EMBED_ON_START: 'off', TRUSTED_PROXIES: '127.0.0.1/32', RATE_LIMIT_EXEMPT: '127.0.0.1' };

/** Runs a script on this spec's archive as another process, as an editor's `npm run …` does. */
function runScript(script: string, ...args: string[]): void {
  const run = spawnSync(process.execPath, [...SCRIPT_NODE_ARGS, script, ...args], { cwd: ROOT, env: { ...process.env, ...env }, encoding: 'utf8' });
  expect(run.status, `${script} ${args.join(' ')}: ${run.stderr}${run.stdout}`).toBe(0);
}

function importEssay(essay: { file: string; text: string }): void {
  writeFileSync(path.join(WORK, essay.file), essay.text);
  runScript('scripts/import.ts', path.join(WORK, essay.file), '--kind', 'essay', '--publish');
}

/** The page cache's files written since `since`: this spec's server's, removed after it. */
function filesWrittenSince(since: number): string[] {
  return readdirSync(PAGE_CACHE, { recursive: true, encoding: 'utf8' })
    .map((name) => path.join(PAGE_CACHE, name))
    .filter((file) => statSync(file).isFile() && statSync(file).mtimeMs >= since);
}

const page = async (pathname: string) => {
  const response = await fetch(`${server!.url}${pathname}`);
  return { status: response.status, cache: response.headers.get('x-nextjs-cache'), html: await response.text() };
};

test.describe.configure({ mode: 'serial' });

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(240_000);
  // Playwright's server renders its own archive's home and list into the page cache on disk.
  for (const pathname of ['/', '/documents']) expect((await fetch(`${baseURL}${pathname}`)).status).toBe(200);
  startedAt = Date.now();
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK, { recursive: true });
  runScript('scripts/prepare-database.ts'); // the seed's two documents
  importEssay(RIVER); // and one Playwright's archive does not hold
  server = await startOwnServer({
    env: { ...env, WALL_CLOCK_STEP_MS: String(STEP_MS) },
    nodeArgs: ['--import', path.join(ROOT, 'tests/e2e/support/stepped-clock.mjs')],
    log: path.join(WORK, 'server.log'),
    readyPath: '/robots.txt',
  });
});

test.afterAll(async () => {
  await server?.stop();
  // Its pages of this archive, stamped 30 s ahead, would outlive the next renewals of Playwright's server.
  if (startedAt > 0) for (const file of filesWrittenSince(startedAt)) rmSync(file, { force: true });
});

test('a server started after its wall clock stepped ahead serves its own archive, not the pages cached before it started', async () => {
  const home = await page('/');
  expect(home.status).toBe(200);
  expect(home.html.includes('This page is rendered on its first visit'), 'the build placeholder on /').toBe(false);
  // "3 documents · …", with the marks React puts between a number and its text.
  expect(/>3(<!-- -->)? documents ·/.test(home.html), "the home page counts this archive's three documents").toBe(true);
  expect(home.html.includes(RIVER.title), 'the home page lists the essay only this archive holds').toBe(true);
  expect((await page('/documents')).html.includes(RIVER.title), 'the list holds it too').toBe(true);
});

test("and shows another process's write within seconds, not the clock's step", async () => {
  await page('/documents');
  const cached = await page('/documents');
  expect(cached.cache, 'the list comes from the page cache before the write').toBe('HIT');
  expect(cached.html.includes(LETTERS.title), 'the list before the write').toBe(false);
  importEssay(LETTERS);
  await expect
    .poll(async () => (await page('/documents')).html.includes(LETTERS.title), {
      timeout: RENEWED_WITHIN_MS,
      intervals: [50],
      message: '/documents after the import',
    })
    .toBe(true);
});
