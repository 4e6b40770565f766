// What a search engine, a link preview and a feed reader see, over real HTTP from `npm start`: each
// public page's <head> (title, description, canonical address on the site's address whatever Host
// the request named, OpenGraph and Twitter cards, feed links, icons, the reader's Highwire tags), its
// JSON-LD (parsed, the right type, identical for every reader, no nonce), and the discovery files:
// robots.txt, sitemap.xml (xmllint), the feeds, the icons and /favicon.ico with their headers.
import { expect, test, type Page } from '@playwright/test';
import { assertWellFormed, requireXmllint, xpath } from '../support/xmllint';

// The server runs without SITE_URL, so its address is localhost on its port (lib/site-origin.ts).
const ORIGIN = `http://localhost:${process.env.E2E_PORT ?? 3100}`;
const ESSAY = '/documents/how-to-really-bring-change-to-north-korea';
const INTERVIEW = '/documents/seongmin-lee-qa-part-2-us-relations-with-north-korea';

interface Expected {
  path: string;
  title: RegExp;
  canonical: string | null;
  ogType: string;
  jsonLdType?: string;
  noindex?: boolean;
}

const PAGES: Expected[] = [
  { path: '/', title: /^Interview Archive$/, canonical: '/', ogType: 'website', jsonLdType: 'WebSite' },
  { path: '/documents', title: /^Documents · Interview Archive$/, canonical: '/documents', ogType: 'website' },
  { path: ESSAY, title: /^How to Really Bring Change to North Korea, My Home Country · /, canonical: ESSAY, ogType: 'article', jsonLdType: 'Article' },
  { path: INTERVIEW, title: /^Seongmin Lee Q&A Part 2/, canonical: INTERVIEW, ogType: 'article', jsonLdType: 'CreativeWork' },
  { path: `${ESSAY}/passages/6`, title: /^Passage 6 of How to Really/, canonical: `${ESSAY}/passages/6`, ogType: 'article', jsonLdType: 'Quotation' },
  { path: '/speakers', title: /^Speakers · /, canonical: '/speakers', ogType: 'website' },
  { path: '/speakers/seongmin-lee', title: /^Seongmin Lee · /, canonical: '/speakers/seongmin-lee', ogType: 'profile', jsonLdType: 'Person' },
  { path: '/topics', title: /^Topics · /, canonical: '/topics', ogType: 'website' },
  { path: '/topics/china', title: /^China · /, canonical: '/topics/china', ogType: 'website' },
  { path: '/timeline', title: /^Timeline · /, canonical: '/timeline', ogType: 'website' },
  { path: '/search?q=sanctions', title: /^Search: sanctions · /, canonical: null, ogType: 'website', noindex: true },
  { path: `${ESSAY}?q=sanctions`, title: /^How to Really Bring Change/, canonical: ESSAY, ogType: 'article' },
];

/** A <meta>'s content in <head>, or null when there is none (a locator would wait for it to appear). */
const meta = (page: Page, selector: string) => page.evaluate((s) => document.head.querySelector(s)?.getAttribute('content') ?? null, selector);

async function jsonLdBlocks(page: Page): Promise<{ text: string; nonce: string | null }[]> {
  return page
    .locator('script[type="application/ld+json"]')
    .evaluateAll((nodes) => nodes.map((n) => ({ text: n.textContent ?? '', nonce: n.getAttribute('nonce') })));
}

for (const expected of PAGES) {
  test(`${expected.path}: title, description, canonical, cards, feeds and structured data in <head>`, async ({ page }) => {
    const response = await page.goto(expected.path);
    expect(response?.status()).toBe(200);
    await expect(page).toHaveTitle(expected.title);
    const description = await meta(page, 'meta[name="description"]');
    expect(description?.length ?? 0).toBeGreaterThan(20);
    expect(description!.length).toBeLessThanOrEqual(200);

    const canonical = page.locator('head link[rel="canonical"]');
    if (expected.canonical === null) await expect(canonical).toHaveCount(0);
    // Next writes the site's root without its final slash.
    else await expect(canonical).toHaveAttribute('href', expected.canonical === '/' ? ORIGIN : `${ORIGIN}${expected.canonical}`);

    expect(await meta(page, 'meta[property="og:type"]')).toBe(expected.ogType);
    expect(await meta(page, 'meta[property="og:title"]')).toBeTruthy();
    expect(await meta(page, 'meta[property="og:site_name"]')).toBe('Interview Archive');
    if (expected.canonical !== null) expect(await meta(page, 'meta[property="og:url"]')).toBe(await canonical.getAttribute('href'));
    const card = await meta(page, 'meta[property="og:image"]');
    expect(await meta(page, 'meta[name="twitter:card"]')).toBe('summary');
    if (expected.path === ESSAY || expected.path === INTERVIEW) {
      // The reader's card image: drawn with the font next/og ships, offline.
      expect(card).toMatch(new RegExp(`^${ORIGIN}/documents/[a-z0-9-]+/opengraph-image`));
      const image = await page.request.get(card!.replace(ORIGIN, ''));
      expect(image.status()).toBe(200);
      expect(image.headers()['content-type']).toBe('image/png');
      const png = await image.body();
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);
    } else {
      expect(card).toBeNull();
    }

    const robots = await meta(page, 'meta[name="robots"]');
    if (expected.noindex) expect(robots).toMatch(/noindex/);
    else expect(robots ?? '').not.toMatch(/noindex/);

    const feeds = await page
      .locator('head link[rel="alternate"][type]')
      .evaluateAll((links) => links.map((l) => [l.getAttribute('type'), l.getAttribute('href')]));
    expect(feeds).toEqual([
      ['application/rss+xml', `${ORIGIN}/feed.xml`],
      ['application/atom+xml', `${ORIGIN}/feed.atom`],
      ['application/feed+json', `${ORIGIN}/feed.json`],
    ]);
    await expect(page.locator('head link[rel="icon"][href^="/favicon.ico"]')).toHaveCount(1);
    await expect(page.locator('head link[rel="icon"][href^="/icon.svg"]')).toHaveCount(1);
    await expect(page.locator('head link[rel="apple-touch-icon"]')).toHaveCount(1);
    await expect(page.locator('head link[rel="manifest"]')).toHaveAttribute('href', '/manifest.webmanifest');

    const blocks = await jsonLdBlocks(page);
    if (!expected.jsonLdType) return;
    expect(blocks).toHaveLength(1);
    expect(blocks[0].nonce).toBeNull();
    const data = JSON.parse(blocks[0].text);
    expect(data['@context']).toBe('https://schema.org');
    expect(data['@type']).toBe(expected.jsonLdType);
  });
}

test('the reader keeps its Highwire citation tags, with the date at its precision', async ({ page }) => {
  await page.goto(ESSAY);
  expect(await meta(page, 'meta[name="citation_title"]')).toBe('How to Really Bring Change to North Korea, My Home Country');
  expect(await meta(page, 'meta[name="citation_publication_date"]')).toBe('2016/12');
  expect(await meta(page, 'meta[property="article:published_time"]')).toBe('2016-12');
});

test('addresses in <head> and JSON-LD are the site’s, whatever Host the request names, and the same for every reader', async ({ request }) => {
  const html = async (headers: Record<string, string> = {}) => (await request.get(ESSAY, { headers })).text();
  const plain = await html();
  const spoofed = await html({ host: 'evil.example', 'x-forwarded-host': 'evil.example' });
  for (const page of [plain, spoofed]) {
    expect(page).toContain(`<link rel="canonical" href="${ORIGIN}${ESSAY}"/>`);
    expect(page).not.toContain('evil.example');
  }
  const jsonLd = (page: string) => [...page.matchAll(/<script type="application\/ld\+json">([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  expect(jsonLd(plain)).toHaveLength(1);
  expect(jsonLd(spoofed)).toEqual(jsonLd(plain));
  // Every passage is in it, as a Quotation credited to its speaker.
  const document = JSON.parse(jsonLd(plain)[0]);
  expect(document.hasPart).toHaveLength(12);
  for (const part of document.hasPart) expect(part).toMatchObject({ '@type': 'Quotation', spokenByCharacter: { name: 'Seongmin Lee' } });
});

test('robots.txt and sitemap.xml', async ({ request }) => {
  requireXmllint();
  const robots = await request.get('/robots.txt');
  expect(robots.status()).toBe(200);
  expect(robots.headers()['content-type']).toMatch(/^text\/plain/);
  const text = await robots.text();
  expect(text).toMatch(/^User-Agent: \*$/m);
  for (const path of ['/search', '/admin', '/api']) expect(text).toContain(`Disallow: ${path}\n`);
  expect(text).toContain(`Sitemap: ${ORIGIN}/sitemap.xml`);

  const sitemap = await request.get('/sitemap.xml');
  expect(sitemap.status()).toBe(200);
  expect(sitemap.headers()['content-type']).toMatch(/^application\/xml/);
  const xml = await sitemap.text();
  assertWellFormed(xml);
  expect(xpath(xml, 'namespace-uri(/*)')).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
  const locs = xpath(xml, "//*[local-name()='loc']/text()").split('\n').filter(Boolean);
  expect(locs).toEqual(
    expect.arrayContaining([`${ORIGIN}/`, `${ORIGIN}${ESSAY}`, `${ORIGIN}${INTERVIEW}`, `${ORIGIN}/speakers/jeff-kim`, `${ORIGIN}/topics/china`]),
  );
  for (const loc of locs.slice(0, 8)) expect((await request.get(loc.replace(ORIGIN, ''))).status(), loc).toBe(200);
});

test('the feeds answer with their media types and list both seed documents', async ({ request }) => {
  requireXmllint();
  for (const [path, type] of [
    ['/feed.xml', 'application/rss+xml'],
    ['/feed.atom', 'application/atom+xml'],
    ['/feed.json', 'application/feed+json'],
  ]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type'], path).toBe(`${type}; charset=utf-8`);
    const body = await response.text();
    if (type !== 'application/feed+json') assertWellFormed(body);
    for (const slug of [ESSAY, INTERVIEW]) expect(body, path).toContain(`${ORIGIN}${slug}`);
  }
});

test('the icons and the manifest are served with their types, /favicon.ico included', async ({ request }) => {
  for (const [path, type] of [
    ['/favicon.ico', /^image\/(x-icon|vnd\.microsoft\.icon)$/],
    ['/icon.svg', /^image\/svg\+xml/],
    ['/apple-icon.png', /^image\/png$/],
    ['/manifest.webmanifest', /^application\/manifest\+json/],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()['content-type'], path).toMatch(type);
    expect(response.headers()['x-content-type-options'], path).toBe('nosniff');
    expect((await response.body()).length, path).toBeGreaterThan(100);
  }
  const manifest = await (await request.get('/manifest.webmanifest')).json();
  expect(manifest.name).toBe('Interview Archive');
  for (const icon of manifest.icons) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
});
