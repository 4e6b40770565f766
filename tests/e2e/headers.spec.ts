// The request edge over real HTTP, against the production build served by `npm start`'s server:
// security headers and a nonce-based CSP on every page type (and no CSP violation in Chromium),
// broken percent-encoding answered with 400/404 instead of 500, rate limits with 429 and
// Retry-After keyed on the trusted client address, and a request id in the response and the log.
import { randomInt } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { expect, test, type APIResponse } from '@playwright/test';
import { RECORDING_MAX_BYTES } from '@/lib/media/recording-limits';
import { openUnderPolicy } from './support/csp-violations';
import { onPostgres } from './support/e2e-database';

const ESSAY = '/documents/how-to-really-bring-change-to-north-korea';
const PAGE_TYPES: Record<string, string> = {
  home: '/',
  documents: '/documents',
  reader: ESSAY,
  'reader with a search': `${ESSAY}?q=smuggling`,
  passage: `${ESSAY}/passages/6`,
  speakers: '/speakers',
  speaker: '/speakers/seongmin-lee',
  topics: '/topics',
  topic: '/topics/china',
  timeline: '/timeline',
  search: '/search?q=sanctions',
  'sign-in': '/sign-in',
  '404': '/no/such/page',
};
/** Written by playwright.config.ts's webServer command: the server's stdout, one JSON line per request. */
/** The test server's log, as playwright.config.ts's webServer command keeps it for each engine. */
const SERVER_LOG = onPostgres() ? 'data/e2e-postgres-server.log' : 'data/e2e-server.log';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** The CSP as a map of directive → sources. */
function policy(response: APIResponse): Map<string, string[]> {
  const header = response.headers()['content-security-policy'];
  expect(header, response.url()).toBeTruthy();
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((d) => d[0])
      .map(([name, ...sources]) => [name, sources]),
  );
}

function nonceOf(response: APIResponse): string {
  const nonce = policy(response)
    .get('script-src')
    ?.find((s) => s.startsWith("'nonce-"));
  expect(nonce, response.url()).toBeTruthy();
  return nonce!.slice("'nonce-".length, -1);
}

function expectSecurityHeaders(response: APIResponse) {
  const headers = response.headers();
  const url = response.url();
  const csp = policy(response);
  const scripts = csp.get('script-src') ?? [];
  expect(scripts, url).toContain("'strict-dynamic'");
  expect(scripts, url).not.toContain("'unsafe-inline'");
  expect(scripts, url).not.toContain("'unsafe-eval'");
  expect(csp.get('frame-ancestors'), url).toEqual(["'none'"]);
  expect(csp.get('object-src'), url).toEqual(["'none'"]);
  expect(csp.get('base-uri'), url).toEqual(["'self'"]);
  expect(headers['x-frame-options'], url).toBe('DENY');
  expect(headers['x-content-type-options'], url).toBe('nosniff');
  expect(headers['referrer-policy'], url).toBe('strict-origin-when-cross-origin');
  expect(headers['permissions-policy'], url).toMatch(/camera=\(\)/);
  expect(headers['x-request-id'], url).toMatch(UUID);
  // Served over plain HTTP, with no https SITE_URL: HSTS would be meaningless (browsers ignore it there).
  expect(headers['strict-transport-security'], url).toBeUndefined();
}

for (const [name, path] of Object.entries(PAGE_TYPES)) {
  test(`${name}: security headers, and the page runs under its CSP with no violation`, async ({ page, request }) => {
    const response = await request.get(path);
    expect(response.status(), path).toBe(name === '404' ? 404 : 200);
    expectSecurityHeaders(response);
    // Every script tag in the HTML carries the response's nonce: Next read it from the request's CSP.
    const nonce = nonceOf(response);
    const html = await response.text();
    const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]);
    // JSON-LD data blocks are not scripts the browser runs (CSP does not apply to them): the same for
    // every reader in a cached page, so they carry no nonce.
    const dataBlock = (tag: string) => tag.includes('type="application/ld+json"');
    const scripts = tags.filter((tag) => !dataBlock(tag));
    expect(scripts.length, path).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag, path).toContain(`nonce="${nonce}"`);
    for (const tag of tags.filter(dataBlock)) expect(tag, path).not.toContain('nonce');

    expect((await openUnderPolicy(page, path)).violations).toEqual([]);
  });
}

test('injected markup cannot run script: the check above can fail', async ({ page }) => {
  await page.goto('/');
  await page.waitForLoadState('networkidle');
  // The classic XSS payload: an event handler in markup. Only 'unsafe-inline' would let it run.
  const outcome = await page.evaluate(async () => {
    const violation = new Promise<string>((resolve) => {
      document.addEventListener('securitypolicyviolation', (e) => resolve(e.violatedDirective), { once: true });
      setTimeout(() => resolve('no violation reported'), 5_000);
    });
    const holder = document.createElement('div');
    holder.innerHTML = '<img src="/no-such-image.png" onerror="window.__injected = true" alt="">';
    document.body.append(holder);
    const directive = await violation;
    return { injected: Boolean((window as unknown as { __injected?: boolean }).__injected), directive };
  });
  expect(outcome).toEqual({ injected: false, directive: 'script-src-attr' });
});

test('each response gets its own nonce and request id', async ({ request }) => {
  const [a, b] = [await request.get('/'), await request.get('/')];
  expect(nonceOf(a)).not.toBe(nonceOf(b));
  expect(nonceOf(a).length).toBeGreaterThanOrEqual(16);
  expect(a.headers()['x-request-id']).not.toBe(b.headers()['x-request-id']);
});

test('a page from the cache gets a fresh nonce in every response, and carries no other', async ({ request }) => {
  await request.get(ESSAY);
  const [a, b] = [await request.get(ESSAY), await request.get(ESSAY)];
  // Both answers come from Next's page cache: rendered once, before either request.
  expect(a.headers()['x-nextjs-cache']).toBe('HIT');
  expect(b.headers()['x-nextjs-cache']).toBe('HIT');
  const [nonceA, nonceB] = [nonceOf(a), nonceOf(b)];
  expect(nonceA).not.toBe(nonceB);
  const [htmlA, htmlB] = [await a.text(), await b.text()];
  // The same page, byte for byte, but for its nonce; and every nonce in it is this response's own.
  expect(htmlA.split(nonceA).join('N')).toBe(htmlB.split(nonceB).join('N'));
  const nonces = new Set([...htmlA.matchAll(/nonce="([^"]*)"/g)].map((m) => m[1]));
  expect([...nonces]).toEqual([nonceA]);
  // A per-response nonce must never be kept by a shared cache or revalidated into a stale body.
  expect(a.headers()['cache-control']).toContain('no-store');
  expect(a.headers()['etag']).toBeUndefined();
});

test('a cached page reached by another spelling of its address, asked for gzip, still carries only its own nonce', async ({ request }) => {
  // "%2D" is "-": Next serves the cached reader; a body compressed on its way out would have kept the
  // server's page nonce past the rewrite, and shown it to the reader.
  const variant = ESSAY.replace('-', '%2D');
  expect(variant).not.toBe(ESSAY);
  await request.get(variant, { headers: { 'accept-encoding': 'gzip, br' } });
  const response = await request.get(variant, { headers: { 'accept-encoding': 'gzip, br' } });
  expect(response.status()).toBe(200);
  const html = await response.text();
  const nonces = new Set([...html.matchAll(/nonce="([^"]*)"/g)].map((m) => m[1]));
  expect(nonces.size).toBeGreaterThan(0);
  expect([...nonces]).toEqual([nonceOf(response)]);
});

test('an address longer than the edge reads: 414 with a message (JSON for the API), never a redirect repeating it', async ({ request }) => {
  const long = 'x'.repeat(9_000);
  const api = await request.get(`/api/v1/topics/%2e?q=${long}`, { maxRedirects: 0 });
  expect(api.status()).toBe(414);
  expect(api.headers()['content-type']).toMatch(/^application\/json/);
  expect(await api.json()).toMatchObject({ error: 'uri_too_long' });
  const page = await request.get(`/search?q=${long}`, { maxRedirects: 0 });
  expect(page.status()).toBe(414);
  expect(await page.text()).toContain('longer than 8,192 characters');
  // The edge's own page runs no script at all: the strictest policy, not a page's nonce policy.
  const csp = policy(page);
  expect(csp.get('default-src')).toEqual(["'none'"]);
  expect(csp.get('script-src')).toBeUndefined();
  expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
  expect(page.headers()['x-content-type-options']).toBe('nosniff');
  expect(page.headers()['x-frame-options']).toBe('DENY');
  // Just under the limit is read as before.
  expect((await request.get(`/search?q=${'x'.repeat(7_000)}`)).status()).toBeLessThan(500);
});

test('API responses and static assets carry the headers too', async ({ request }) => {
  const api = await request.get('/api/v1/documents');
  expect(api.status()).toBe(200);
  expect(api.headers()['x-content-type-options']).toBe('nosniff');
  expect(api.headers()['x-frame-options']).toBe('DENY');
  expect(api.headers()['x-request-id']).toMatch(UUID);

  const html = await (await request.get('/')).text();
  const asset = html.match(/\/_next\/static\/[^"]+\.js/)![0];
  const script = await request.get(asset);
  expect(script.status()).toBe(200);
  expect(script.headers()['x-content-type-options']).toBe('nosniff');
  expect(script.headers()['x-request-id']).toMatch(UUID);
});

test('broken percent-encoding in the path: 404 page for pages, 400 naming the path for the API, never 500', async ({ request }) => {
  for (const path of ['/documents/%', '/documents/%ED%A0%80', '/speakers/%', '/topics/%E0%A4%A', `${ESSAY}/passages/%`, '/%', '/search/%FF']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    const html = await response.text();
    expect(html, path).toContain('Not found');
    expect(html, path).toContain('There is nothing at this address');
    expectSecurityHeaders(response);
  }
  for (const path of ['/api/v1/documents/%ED%A0%80', '/api/v1/documents/%', '/api/v1/speakers/%zz', '/api/v1/topics/%C0%AF']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(400);
    expect(response.headers()['content-type'], path).toMatch(/^application\/json/);
    const body = await response.json();
    expect(body, path).toMatchObject({ error: 'invalid_parameter', problems: [{ parameter: 'path' }] });
  }
  // A broken query string is no worse: the page reads what it can.
  expect((await request.get('/search?q=%')).status()).toBe(200);
  expect((await request.get('/api/v1/search?q=%E0%A4%A')).status()).toBeLessThan(500);
});

test('a server-action post larger than Next reads gets 413 with a message, not a 500', async ({ request, baseURL }) => {
  // Without the edge's rule Next reads the body first and fails with a 500 and an error digest.
  const response = await request.post('/admin/import', {
    headers: { 'Next-Action': '0'.repeat(42), Origin: baseURL!, 'Content-Type': 'text/plain;charset=UTF-8' },
    // Past the largest body a page takes: a recording's upload and 1 MB for the rest (lib/server/body-limit.ts).
    data: 'x'.repeat(RECORDING_MAX_BYTES + 2 * 1024 * 1024),
  });
  expect(response.status()).toBe(413);
  expect(await response.text()).toContain('Nothing was changed');
  // The edge's own answers carry a policy that allows nothing at all, and refuse framing too.
  expect(response.headers()['content-security-policy']).toContain("default-src 'none'");
  expect(response.headers()['x-frame-options']).toBe('DENY');
});

test('a scraping loop gets 429 with Retry-After; a reader at another address does not', async ({ request }) => {
  // TRUSTED_PROXIES names 127.0.0.1 in playwright.config.ts: this address is the client's, its own bucket.
  const scraper = `198.51.100.${randomInt(1, 255)}`;
  const reader = `203.0.113.${randomInt(1, 255)}`;
  let served = 0;
  let limited: APIResponse | undefined;
  while (!limited && served < 1000) {
    const response = await request.get(`/api/v1/search?q=north+${served}`, { headers: { 'X-Forwarded-For': scraper } });
    if (response.status() === 429) limited = response;
    else {
      expect(response.status()).toBe(200);
      served += 1;
    }
  }
  expect(limited, 'no 429 after 1000 searches').toBeDefined();
  // Generous for a reader: dozens of searches a minute go through.
  expect(served).toBeGreaterThanOrEqual(30);
  const retryAfter = Number(limited!.headers()['retry-after']);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
  expect(await limited!.json()).toMatchObject({ error: 'rate_limited' });

  // The search page from the same address is refused too, with a readable page.
  const page = await request.get('/search?q=north', { headers: { 'X-Forwarded-For': scraper } });
  expect(page.status()).toBe(429);
  expect(page.headers()['content-type']).toMatch(/^text\/html/);
  expect(await page.text()).toContain('Too many requests');
  expect(Number(page.headers()['retry-after'])).toBeGreaterThanOrEqual(1);

  // Another client behind the same trusted proxy is served, and so is the rest of the site for the scraper.
  expect((await request.get('/api/v1/search?q=north', { headers: { 'X-Forwarded-For': reader } })).status()).toBe(200);
  expect((await request.get('/documents', { headers: { 'X-Forwarded-For': scraper } })).status()).toBe(200);
});

test('from an untrusted peer, X-Forwarded-For is ignored: made-up addresses share one bucket', async ({ playwright }) => {
  // ::1 is not in TRUSTED_PROXIES (127.0.0.1/32 only), so the socket address is the client's.
  const port = new URL(test.info().project.use.baseURL!).port;
  const direct = await playwright.request.newContext({ baseURL: `http://[::1]:${port}` });
  let limited = false;
  for (let i = 0; i < 1000 && !limited; i++) {
    const response = await direct.get(`/api/v1/search?q=korea+${i}`, { headers: { 'X-Forwarded-For': `192.0.2.${i % 250}, 10.0.0.${i % 250}` } });
    limited = response.status() === 429;
  }
  expect(limited).toBe(true);
  await direct.dispose();
});

test('every response has a request id, and the log has one JSON line for it', async ({ request }) => {
  const response = await request.get('/search?q=smuggling', { headers: { 'X-Request-Id': 'made-up-by-the-client' } });
  const id = response.headers()['x-request-id'];
  // An id a client sends is never taken: made here, the ids in the log can be trusted to be unique.
  expect(id).toMatch(UUID);
  expect(existsSync(SERVER_LOG), SERVER_LOG).toBe(true);
  const line = async () =>
    readFileSync(SERVER_LOG, 'utf8')
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as Record<string, unknown>)
      .find((entry) => entry.requestId === id);
  await expect.poll(line).toBeTruthy();
  const entry = (await line())!;
  expect(entry).toMatchObject({ method: 'GET', path: '/search', status: 200, requestId: id, client: '127.0.0.1' });
  expect(typeof entry.durationMs).toBe('number');
  // The query is not logged: what a reader searched for is theirs.
  expect(JSON.stringify(entry)).not.toContain('smuggling');
});
