// The page cache and the addresses readers (and robots) actually send, against `npm start`:
// - made-up entries (any length) are clean 404s rendered per request, and Next's page cache on disk
//   does not gain a file for any of them;
// - another spelling of a cached page's address runs under its CSP: every script's nonce is the
//   header's, so nothing is blocked and the server's page nonce is never sent;
// - a filter link on a public page shows the filtered list after a client-side click, even when the
//   router already holds the unfiltered /documents and the link's own prefetch has not answered.
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIResponse, type Page, type Route } from '@playwright/test';
import { openUnderPolicy } from './support/csp-violations';

const ESSAY = '/documents/how-to-really-bring-change-to-north-korea';
const ESSAY_TITLE = /How to Really Bring Change/;
const QA_TITLE = /Seongmin Lee Q&A Part 2/;
/** Where `next start` keeps the pages it renders on demand (the page cache's files). */
const PAGE_CACHE = path.join(process.cwd(), '.next/server/app');

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).sort();
}

function headerNonce(response: APIResponse): string {
  const nonce = /'nonce-([^']+)'/.exec(response.headers()['content-security-policy'] ?? '')?.[1];
  expect(nonce, response.url()).toBeTruthy();
  return nonce!;
}

test('made-up entries are clean 404s, and the page cache on disk gains no file for them', async ({ request }) => {
  // Every cached page is rendered once first, so the cache holds what it legitimately holds.
  for (const address of ['/', '/documents', ESSAY, `${ESSAY}/passages/7`, '/speakers/seongmin-lee', '/topics/china']) {
    expect((await request.get(address)).status(), address).toBe(200);
  }
  const before = filesUnder(PAGE_CACHE);
  const tag = `probe${Date.now().toString(36)}`;
  const long = `${tag}-${'x'.repeat(2_000)}`;
  const addresses = [
    ...Array.from({ length: 40 }, (_, i) => `/documents/${tag}-${i}`),
    ...Array.from({ length: 20 }, (_, i) => `/speakers/${tag}-${i}`),
    ...Array.from({ length: 20 }, (_, i) => `/topics/${tag}-${i}`),
    ...Array.from({ length: 20 }, (_, i) => `${ESSAY}/passages/${9_000 + i}`),
    `/documents/${tag}/passages/1`,
    `${ESSAY}/passages/${tag}`,
    `/documents/${long}`,
    `/speakers/${long}`,
    `/topics/${long}`,
    `/documents/${long}/passages/1`,
  ];
  for (const address of addresses) {
    const response = await request.get(address);
    expect(response.status(), address.slice(0, 80)).toBe(404);
    expect(await response.text(), address.slice(0, 80)).toContain('Not found');
    // Rendered for this request, not kept: Next's cache did not answer it and will not.
    expect(response.headers()['x-nextjs-cache'], address.slice(0, 80)).toBeUndefined();
  }
  // Files written since, for any of these addresses (Next names them after the address). The real
  // pages read above may still be landing on disk, so they are not counted.
  const added = filesUnder(PAGE_CACHE).filter((file) => !before.includes(file) && (file.includes(tag) || /passages\/9\d{3}/.test(file)));
  expect(added).toEqual([]);
});

test('another spelling of a cached page’s address runs its scripts under its own CSP', async ({ page, request }) => {
  const spellings = [
    ESSAY.replace('to-really', 'to%2Dreally'),
    ESSAY.replace('to-really', 'to%2dreally'),
    `${ESSAY}/`,
    `/%64ocuments/how-to-really-bring-change-to-north-korea`,
    `${ESSAY.replace('north', 'n%6Frth')}/passages/007`,
    '/speakers/seongmin%2Dlee',
    '/topics/%63hina/',
    '/documents/',
  ];
  for (const address of spellings) {
    // Over HTTP: every script's nonce is the one in the response's own header.
    const response = await request.get(address);
    expect(response.status(), address).toBe(200);
    const nonce = headerNonce(response);
    // JSON-LD blocks are data, not scripts: the CSP does not apply to them and they carry no nonce.
    const tags = [...(await response.text()).matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !tag.includes('application/ld+json'));
    expect(tags.length, address).toBeGreaterThan(0);
    for (const tag of tags) expect(tag, address).toContain(`nonce="${nonce}"`);
  }
  for (const address of spellings) {
    // In Chromium: no violation, the client runtime started, and the address is the page's own.
    const { violations } = await openUnderPolicy(page, address);
    expect(violations, address).toEqual([]);
    expect(new URL(page.url()).pathname, address).not.toMatch(/%|\/$/);
  }
  // Twice, to meet the cached copy (the first visit may have rendered it).
  for (const address of spellings.slice(0, 2)) {
    const { response, violations } = await openUnderPolicy(page, address);
    expect(violations, address).toEqual([]);
    expect(response?.status(), address).toBe(200);
  }
});

test.describe('filter links after the router holds /documents', () => {
  /** Prefetches of a filtered list are held unanswered: a reader who clicks before they arrive. */
  async function holdFilteredPrefetches(page: Page): Promise<Route[]> {
    const held: Route[] = [];
    await page.route(
      (url) => url.pathname === '/documents' && [...url.searchParams.keys()].some((key) => key !== '_rsc'),
      async (route) => {
        if (route.request().headers()['next-router-prefetch']) held.push(route);
        else await route.continue();
      },
    );
    return held;
  }

  /** Home, then /documents by the header's link: the client router now holds the unfiltered list. */
  async function documentsInRouter(page: Page) {
    await page.goto('/');
    const documents = page.getByRole('banner').getByRole('link', { name: 'Documents', exact: true });
    // Hydrated, so that the click is the client router's. (Waiting for the network to go quiet never
    // ended when the home page's own prefetch of a filtered list was among those held.)
    await expect.poll(() => documents.evaluate((link) => Object.keys(link).some((key) => key.startsWith('__reactProps$')))).toBe(true);
    await documents.click();
    await expect(page.getByText('2 documents', { exact: true })).toBeVisible();
  }

  async function showsOnly(page: Page, url: RegExp, title: RegExp, other: RegExp) {
    await expect(page).toHaveURL(url);
    await expect(page.getByText('1 document', { exact: true })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: other })).toHaveCount(0);
  }

  test('a topic, a speaker and a kind in the filter panel', async ({ page }) => {
    await holdFilteredPrefetches(page);
    const filters = page.getByRole('complementary', { name: 'Filters' });
    await documentsInRouter(page);
    await filters.getByRole('link', { name: 'China' }).click();
    await showsOnly(page, /\/documents\?topic=china$/, ESSAY_TITLE, QA_TITLE);

    await documentsInRouter(page);
    await filters.getByRole('link', { name: 'Jeff Kim' }).click();
    await showsOnly(page, /\/documents\?speaker=jeff-kim$/, QA_TITLE, ESSAY_TITLE);

    await documentsInRouter(page);
    await filters.getByRole('link', { name: /^essay$/i }).click();
    await showsOnly(page, /\/documents\?kind=essay$/, ESSAY_TITLE, QA_TITLE);
  });

  test('a month on the timeline, and the links on a topic’s and a speaker’s pages', async ({ page }) => {
    await holdFilteredPrefetches(page);
    await documentsInRouter(page);
    await page.getByRole('banner').getByRole('link', { name: 'Timeline' }).click();
    await page.getByRole('link', { name: 'December 2016' }).click();
    await showsOnly(page, /\/documents\?from=2016-12&to=2016-12$/, ESSAY_TITLE, QA_TITLE);

    await documentsInRouter(page);
    await page.getByRole('banner').getByRole('link', { name: 'Topics' }).click();
    await page
      .getByRole('main')
      .getByRole('link', { name: /^China/ })
      .click();
    await page.getByRole('link', { name: 'Documents on this topic' }).click();
    await showsOnly(page, /\/documents\?topic=china$/, ESSAY_TITLE, QA_TITLE);

    await documentsInRouter(page);
    await page.goto('/speakers/jeff-kim');
    await page.getByRole('link', { name: 'Filter all documents by Jeff Kim' }).click();
    await showsOnly(page, /\/documents\?speaker=jeff-kim$/, QA_TITLE, ESSAY_TITLE);
  });

  test('the sort and the next page', async ({ page }) => {
    await holdFilteredPrefetches(page);
    await documentsInRouter(page);
    // Sorting is a form: oldest first puts the 2016 essay above the 2018 interview.
    const filters = page.getByRole('complementary', { name: 'Filters' });
    await filters.getByRole('combobox', { name: 'Sort by' }).selectOption('oldest');
    await filters.getByRole('button', { name: 'Apply' }).click();
    await expect(page).toHaveURL(/sort=oldest/);
    await expect(page.getByRole('heading', { level: 2 }).first()).toHaveText(ESSAY_TITLE);

    // One a page: page 1 is the newest (the interview), page 2 the essay.
    await page.goto('/documents?pageSize=1');
    await expect(page.getByRole('heading', { level: 2, name: QA_TITLE })).toBeVisible();
    await page.getByRole('banner').getByRole('link', { name: 'Documents', exact: true }).click();
    // The count reads "2 documents" on the one-a-page list too, so only the address shows that the
    // click has landed; going back before it lands would leave the one-a-page list behind.
    await expect(page).toHaveURL(/\/documents$/);
    await expect(page.getByText('2 documents', { exact: true })).toBeVisible();
    await page.goBack();
    await expect(page).toHaveURL(/pageSize=1$/);
    await page.getByRole('navigation', { name: 'Pages' }).getByRole('link', { name: 'Next →' }).click();
    await expect(page).toHaveURL(/page=2/);
    await expect(page.getByText('Page 2 of 2')).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: ESSAY_TITLE })).toBeVisible();
    await expect(page.getByRole('heading', { level: 2, name: QA_TITLE })).toHaveCount(0);
  });
});
