// A cached page's nonce replaced per response, over real HTTP: in the CSP header and every script
// tag, split across writes or not; responses whose CSP does not name the page nonce are untouched.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PER_RESPONSE_CACHE_CONTROL, rewritePageNonce } from '@/lib/server/nonce-rewrite';
import { makeNonce } from '@/lib/security/headers';

const PAGE_NONCE = makeNonce();
const html = (nonce: string) =>
  `<!DOCTYPE html><html><head><script src="/_next/static/a.js" nonce="${nonce}" async></script></head><body>` +
  `<p>text</p><script nonce="${nonce}">self.__next_f.push([1,"x"])</script></body></html>`;

type Handler = (response: ServerResponse) => void;
const handlers: Record<string, Handler> = {
  // One write, headers set beforehand (how Next answers from its cache).
  '/whole': (res) => {
    res.setHeader('Content-Security-Policy', `script-src 'self' 'nonce-${PAGE_NONCE}' 'strict-dynamic'`);
    res.setHeader('ETag', '"abc"');
    res.setHeader('Cache-Control', 's-maxage=31536000');
    res.setHeader('Content-Length', Buffer.byteLength(html(PAGE_NONCE)));
    res.end(html(PAGE_NONCE));
  },
  // Streamed in pieces that split the nonce at every position, headers given to writeHead.
  '/split': (res) => {
    res.writeHead(200, { 'content-security-policy': `script-src 'nonce-${PAGE_NONCE}'`, 'content-type': 'text/html' });
    const body = Buffer.from(html(PAGE_NONCE));
    const at = body.indexOf(PAGE_NONCE);
    for (let i = 0; i < body.length;) {
      const size = i < at + PAGE_NONCE.length ? 1 + (i % 5) : 7;
      res.write(body.subarray(i, i + size));
      i += size;
    }
    res.end();
  },
  // A page with its own fresh nonce (search, admin): not the page nonce, left alone.
  '/dynamic': (res) => {
    res.setHeader('Content-Security-Policy', "script-src 'nonce-ownnonceownnonceownnon==' 'strict-dynamic'");
    res.setHeader('ETag', '"keep"');
    res.end(html(PAGE_NONCE));
  },
};

let server: Server;
let base: string;
beforeAll(async () => {
  server = createServer((req, res) => {
    rewritePageNonce(res, PAGE_NONCE, makeNonce);
    handlers[req.url ?? '']!(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

async function fetchPage(path: string) {
  const response = await fetch(base + path);
  const body = await response.text();
  const nonce = /'nonce-([^']+)'/.exec(response.headers.get('content-security-policy') ?? '')?.[1];
  return { response, body, nonce };
}

describe('rewritePageNonce', () => {
  it.each(['/whole', '/split'])('%s: the header and every script carry one fresh nonce, never the page nonce', async (path) => {
    const first = await fetchPage(path);
    const second = await fetchPage(path);
    for (const { body, nonce } of [first, second]) {
      expect(nonce).toMatch(/^[A-Za-z0-9+/]{22}==$/);
      expect(nonce).not.toBe(PAGE_NONCE);
      expect(body).not.toContain(PAGE_NONCE);
      expect(body).toBe(html(nonce!));
    }
    expect(first.nonce).not.toBe(second.nonce);
    expect(first.response.headers.get('cache-control')).toBe(PER_RESPONSE_CACHE_CONTROL);
    expect(first.response.headers.get('etag')).toBeNull();
  });

  it('leaves a response whose policy does not name the page nonce as it is', async () => {
    const { response, body } = await fetchPage('/dynamic');
    expect(body).toBe(html(PAGE_NONCE));
    expect(response.headers.get('etag')).toBe('"keep"');
  });
});
