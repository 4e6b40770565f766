// The edge's memory of cached pages (lib/server/page-memo.ts), over real HTTP through the request
// edge. The handler stands in for Next answering from its page cache: it records every request it
// is given and sends the page as it is now, rendered with the server's page nonce. What is checked:
// a page is sent again from memory with a nonce of each reader's own; a write done empties the memo,
// and a page read while a write was under way is never kept; only whole pages from Next's cache are
// kept; nothing is kept past its second.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createPageMemo, MAX_AGE_MS, MAX_PAGE_BYTES, type PageMemo } from '@/lib/server/page-memo';
import { PER_RESPONSE_CACHE_CONTROL } from '@/lib/server/nonce-rewrite';
import { makeNonce } from '@/lib/security/headers';
import { serveEdge, type EdgeServer } from '@/tests/support/edge-server';

const PAGE_NONCE = makeNonce();
const READER = '/documents/some-interview';

/** What the stand-in for Next sends: the page as it is now, and how. */
let version = 1;
let answer: { status: number; cache: string; type: string; nonce: string; cookie?: string; padding?: number } = {
  status: 200,
  cache: 'HIT',
  type: 'text/html; charset=utf-8',
  nonce: PAGE_NONCE,
};
/** Requests Next was given, in order. */
let reached: string[] = [];
/** A read the stand-in holds back until the test lets it go. */
let holdNextRead: Promise<void> | null = null;
let clock = 0;

const page = (nonce: string) =>
  `<!DOCTYPE html><html><head><script nonce="${nonce}" src="/_next/static/a.js"></script></head><body><p>version ${version}</p></body></html>`;

async function next(request: IncomingMessage, response: ServerResponse) {
  reached.push(`${request.method} ${request.url}`);
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    version++; // a save: Next renews the page before the action's response leaves
    response.statusCode = 303;
    response.end();
    return;
  }
  const held = holdNextRead;
  holdNextRead = null;
  const body = page(answer.nonce) + ' '.repeat(answer.padding ?? 0); // read from the cache now, sent perhaps later
  if (held) await held;
  response.statusCode = answer.status;
  response.setHeader('Content-Type', answer.type);
  response.setHeader('Content-Security-Policy', `script-src 'self' 'nonce-${answer.nonce}' 'strict-dynamic'`);
  response.setHeader('x-nextjs-cache', answer.cache);
  response.setHeader('Cache-Control', 's-maxage=31536000');
  if (answer.cookie) response.setHeader('Set-Cookie', answer.cookie);
  response.end(body);
}

let memo: PageMemo;
let served: EdgeServer;
let base: string;

beforeAll(async () => {
  memo = createPageMemo({ pageNonce: PAGE_NONCE, now: () => clock });
  served = await serveEdge({ handle: next, pageNonce: PAGE_NONCE, pageMemo: memo });
  base = served.base;
});
afterAll(async () => {
  await served.close();
});
beforeEach(async () => {
  answer = { status: 200, cache: 'HIT', type: 'text/html; charset=utf-8', nonce: PAGE_NONCE };
  await post('/admin/documents/1'); // forgets what an earlier test kept
  version = 1;
  reached = [];
});

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(base + path, { headers, redirect: 'manual' });
  const body = await response.text();
  return {
    status: response.status,
    headers: response.headers,
    body,
    nonce: /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1],
  };
}

async function post(path: string) {
  const response = await fetch(base + path, { method: 'POST', body: 'x', redirect: 'manual' });
  await response.text();
}

describe('the page memo', () => {
  it('sends a cached page again without asking Next, with a nonce of its own in the header and the body', async () => {
    const first = await get(READER);
    const second = await get(READER);
    const third = await get(READER);
    expect(reached).toEqual([`GET ${READER}`]);
    expect(memo.size).toBe(1);
    const nonces = [first, second, third].map((r) => r.nonce);
    expect(new Set(nonces).size).toBe(3);
    for (const response of [second, third]) {
      expect(response.status).toBe(200);
      expect(response.nonce).not.toBe(PAGE_NONCE);
      expect(response.body).toBe(page(response.nonce!));
      expect(response.body).not.toContain(PAGE_NONCE);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      expect(response.headers.get('cache-control')).toBe(PER_RESPONSE_CACHE_CONTROL);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-length')).toBe(String(Buffer.byteLength(response.body)));
    }
    expect(second.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
  });

  it('forgets every page when a request that may write is done: the next read is the saved page', async () => {
    expect((await get(READER)).body).toContain('version 1');
    expect((await get('/topics/china')).body).toContain('version 1');
    await post('/admin/documents/1');
    expect(memo.size).toBe(0);
    expect((await get(READER)).body).toContain('version 2');
    expect((await get('/topics/china')).body).toContain('version 2');
    expect(reached).toEqual([`GET ${READER}`, 'GET /topics/china', 'POST /admin/documents/1', `GET ${READER}`, 'GET /topics/china']);
  });

  it('never keeps a page read from the cache while a write was under way', async () => {
    let release!: () => void;
    holdNextRead = new Promise((resolve) => (release = resolve));
    const slowRead = get(READER); // reads version 1, sends it after the save is done
    await expect.poll(() => reached.length).toBe(1);
    await post('/admin/documents/1');
    release();
    expect((await slowRead).body).toContain('version 1');
    expect((await get(READER)).body).toContain('version 2');
    expect(reached).toEqual([`GET ${READER}`, 'POST /admin/documents/1', `GET ${READER}`]);
  });

  it('sends nothing older than a second', async () => {
    await get(READER);
    clock += MAX_AGE_MS - 1;
    await get(READER);
    expect(reached).toHaveLength(1);
    clock += 1;
    await get(READER);
    expect(reached).toHaveLength(2);
  });

  it.each([
    ['a page Next rendered for this request', { cache: 'MISS' }],
    ['a page rendered per request (no cache header)', { cache: '' }],
    ['an answer that is not 200', { status: 404 }],
    ['an answer that is not HTML', { type: 'application/json' }],
    ['a page with a nonce of its own', { nonce: makeNonce() }],
    ['an answer that sets a cookie', { cookie: 'a=b' }],
    ['a page larger than the largest kept', { padding: MAX_PAGE_BYTES }],
  ])('does not keep %s', async (_name, change) => {
    answer = { ...answer, ...change };
    await get(READER);
    await get(READER);
    expect(reached).toEqual([`GET ${READER}`, `GET ${READER}`]);
    expect(memo.size).toBe(0);
  });

  it.each([
    ['a client navigation (RSC payload)', READER, { rsc: '1' }],
    ['a prefetch', READER, { 'next-router-prefetch': '1', rsc: '1' }],
    ['a range', READER, { range: 'bytes=0-9' }],
    ['a search within the document', `${READER}?q=famine`, {}],
    ['a filtered list', '/documents?topic=china', {}],
    ['the search page', '/search?q=famine', {}],
    ['the API', '/api/v1/documents', {}],
  ])('leaves %s to Next every time', async (_name, path, headers) => {
    await get(path, headers);
    await get(path, headers);
    expect(reached).toEqual([`GET ${path}`, `GET ${path}`]);
  });

  it('leaves HEAD to Next, and keeps each spelling of the query apart', async () => {
    await fetch(base + READER, { method: 'HEAD' });
    await get(`${READER}?utm_source=mail`);
    await get(READER);
    await get(`${READER}?utm_source=mail`);
    expect(reached).toEqual([`HEAD ${READER}`, `GET ${READER}?utm_source=mail`, `GET ${READER}`]);
  });
});
