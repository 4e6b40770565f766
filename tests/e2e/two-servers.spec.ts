// Two app servers on one PostgreSQL (issue 13), as a deployment behind a load balancer runs them:
// Playwright's server (A) and a second `npm start` this file starts on another port (B), on the same
// database and the same build. An edit saved on either shows on the other's cached reader page within
// a second; signing in works on both and a session made on one is good on the other; a rate limit
// counts the requests both servers saw. Run only with E2E_ENGINE=postgresql (playwright.config.ts).
import { expect, test, type APIRequestContext, type Browser, type BrowserContext } from '@playwright/test';
import { signIn } from './admin-fixtures';
import { e2eDatabaseUrl } from './support/e2e-database';
import { startOwnServer, type OwnServer } from './support/own-server';

const QA = { title: /Seongmin Lee Q&A Part 2/, slug: 'seongmin-lee-qa-part-2-us-relations-with-north-korea' };
const ANCHOR = 2;
/** What the issue asks of a save: the other server's pages show it within a second. */
const RENEWED_WITHIN_MS = 1_000;
/** The search limit both servers run with: the default, which playwright.config.ts leaves as it is. */
const SEARCH_PER_MINUTE = 60;

test.describe.configure({ mode: 'serial' });
// Run only by the PostgreSQL run (playwright.config.ts POSTGRES_ONLY): a SQLite archive has one server.

let second: OwnServer | null = null;
let A = '';
let B = '';

test.beforeAll(async ({ baseURL }) => {
  test.setTimeout(240_000);
  A = baseURL!;
  // The build is fresh (server A just served it), so this start migrates (nothing to do), finds the
  // archive seeded, renews the cached pages and serves: it never builds into the shared .next.
  second = await startOwnServer({
    env: {
      DATABASE_URL: e2eDatabaseUrl(),
      SEARCH_EMBED_ON_START: 'off',
      TRUSTED_PROXIES: '127.0.0.1/32',
      RATE_LIMIT_EXEMPT: '127.0.0.1',
      RATE_LIMIT_SEARCH_PER_MINUTE: String(SEARCH_PER_MINUTE),
    },
    log: 'data/e2e-postgres-second-server.log',
    readyPath: '/',
  });
  B = second.url;
});

test.afterAll(async () => {
  await second?.stop();
  second = null;
});

/** Polls a public page, as a reader without a session, until it holds `text` or the deadline passes. */
async function showsSoon(request: APIRequestContext, url: string, text: string) {
  await expect
    .poll(async () => (await request.get(url)).text().then((html) => html.includes(text)), { timeout: RENEWED_WITHIN_MS, intervals: [25], message: url })
    .toBe(true);
}

/** Reads a page twice: the second answer must come from that server's page cache. */
async function expectCached(request: APIRequestContext, url: string) {
  await request.get(url);
  const again = await request.get(url);
  expect(again.status(), url).toBe(200);
  expect(again.headers()['x-nextjs-cache'], url).toBe('HIT');
}

async function signedIn(browser: Browser, baseURL: string): Promise<BrowserContext> {
  const context = await browser.newContext({ baseURL });
  await signIn(await context.newPage());
  return context;
}

/** Saves the passage's text through the editors' JSON API on one server, at the document's current version (a stale one's 409 names it). */
async function savePassage(context: BrowserContext, server: string, documentId: string, text: string) {
  const url = `${server}/api/v1/admin/documents/${documentId}/passages/${ANCHOR}`;
  const stale = await context.request.patch(url, { data: { expectedVersion: 1_000_000_000, text }, headers: { Origin: server } });
  expect(stale.status()).toBe(409);
  const { currentVersion } = (await stale.json()) as { currentVersion: number };
  const saved = await context.request.patch(url, { data: { expectedVersion: currentVersion, text }, headers: { Origin: server } });
  expect(saved.status(), await saved.text()).toBe(200);
}

test('signing in works on both servers, and a session made on one is good on the other', async ({ browser }) => {
  const onA = await signedIn(browser, A);
  const onB = await signedIn(browser, B);
  // A's session cookie alone, in a browser that has only ever been to B.
  const carried = await browser.newContext({ baseURL: B, storageState: await onA.storageState() });
  const page = await carried.newPage();
  await page.goto('/admin');
  await expect(page).toHaveURL(/\/admin$/);
  // Without it B sends a reader to sign in: the cookie is what let the first one in.
  const stranger = await (await browser.newContext({ baseURL: B })).newPage();
  await stranger.goto('/admin');
  await expect(stranger).toHaveURL(/\/sign-in/);
  await Promise.all([onA.close(), onB.close(), carried.close(), stranger.context().close()]);
});

test('an edit saved on one server shows on the other’s cached reader page within a second, both ways', async ({ browser, playwright }) => {
  const editorA = await signedIn(browser, A);
  const editorB = await signedIn(browser, B);
  const page = await editorA.newPage();
  await page.goto('/admin/documents');
  await page.getByRole('link', { name: QA.title }).click();
  await expect(page).toHaveURL(/\/admin\/documents\/\d+$/);
  const documentId = /\/admin\/documents\/(\d+)$/.exec(page.url())![1]!;
  const reader = await playwright.request.newContext();
  const original = ((await (await reader.get(`${A}/api/v1/documents/${QA.slug}`)).json()) as { passages: { anchor: number; text: string }[] }).passages.find(
    (passage) => passage.anchor === ANCHOR,
  )!.text;
  const readerPage = `/documents/${QA.slug}`;
  // Each server renders the reader once first (a search within the document is never cached): the
  // second server has just started, and a fresh process's first render loads the page's code (3.4 s
  // measured on a busy CI machine), which is not what this test measures.
  await Promise.all([A, B].map((server) => reader.get(`${server}${readerPage}?q=warm`)));
  try {
    await expectCached(reader, `${B}${readerPage}`);
    const fromA = `Saved on server A ${Date.now()}`;
    await savePassage(editorA, A, documentId, fromA);
    await showsSoon(reader, `${B}${readerPage}`, fromA);

    await expectCached(reader, `${A}${readerPage}`);
    const fromB = `Saved on server B ${Date.now()}`;
    await savePassage(editorB, B, documentId, fromB);
    await showsSoon(reader, `${A}${readerPage}`, fromB);
  } finally {
    await savePassage(editorA, A, documentId, original);
    await Promise.all([editorA.close(), editorB.close(), reader.dispose()]);
  }
});

test('a rate limit counts the requests both servers saw', async ({ playwright }) => {
  // An address of this test's own (the servers trust 127.0.0.1 as a proxy), so no other bucket counts.
  const address = `198.18.${Date.now() % 250}.${1 + Math.floor(Math.random() * 250)}`;
  const client = await playwright.request.newContext({ extraHTTPHeaders: { 'X-Forwarded-For': address } });
  const search = (server: string) => client.get(`${server}/api/v1/search?q=korea`).then((response) => response.status());
  try {
    for (let i = 0; i < SEARCH_PER_MINUTE / 2; i++) expect(await search(A)).toBe(200);
    for (let i = 0; i < SEARCH_PER_MINUTE / 2; i++) expect(await search(B)).toBe(200);
    // Each server has answered half the limit itself; counted alone, neither would refuse now.
    expect(await search(A)).toBe(429);
    expect(await search(B)).toBe(429);
  } finally {
    await client.dispose();
  }
});
