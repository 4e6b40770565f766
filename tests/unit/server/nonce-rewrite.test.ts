// A cached page's nonce replaced per response, over real HTTP: in the CSP header and every script
// tag, split across writes or not. A body that holds the page nonce under a policy that does not
// name it (a cached page reached by another spelling of its address) gets the policy's own nonce:
// the page nonce never leaves the server.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PER_RESPONSE_CACHE_CONTROL, rewritePageNonce } from '@/lib/server/nonce-rewrite';
import { makeNonce } from '@/lib/security/headers';

const PAGE_NONCE = makeNonce();
/** The fresh nonce proxy.ts gave a response it did not take for a cached page. */
const OWN = makeNonce();
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
  // A page rendered per request with its own nonce (search, admin): its body is left as it is.
  '/dynamic': (res) => {
    res.setHeader('Content-Security-Policy', `script-src 'nonce-${OWN}' 'strict-dynamic'`);
    res.setHeader('Content-Type', 'text/html; charset=utf-8');
    res.end(html(OWN));
  },
  // A cached page reached by another spelling of its address: proxy.ts gave it a fresh nonce of its own,
  // Next served the cached body with the page nonce. Streamed, the nonce split at every position.
  '/other-spelling': (res) => {
    res.writeHead(200, {
      'content-security-policy': `script-src 'nonce-${OWN}' 'strict-dynamic'`,
      'content-type': 'text/html; charset=utf-8',
      etag: '"cached"',
      'cache-control': 's-maxage=31536000',
    });
    const body = Buffer.from(html(PAGE_NONCE));
    for (let i = 0; i < body.length; i += 1 + (i % 7)) res.write(body.subarray(i, i + 1 + (i % 7)));
    res.end();
  },
  // The same in an RSC payload, in one write.
  '/other-spelling-rsc': (res) => {
    res.setHeader('Content-Security-Policy', `script-src 'nonce-${OWN}'`);
    res.setHeader('Content-Type', 'text/x-component');
    res.end(`0:{"nonce":"${PAGE_NONCE}"}\n`);
  },
  // No policy at all (a response proxy.ts never saw): the page nonce still does not leave.
  '/no-policy': (res) => {
    res.setHeader('Content-Type', 'text/plain');
    res.setHeader('ETag', '"keep"');
    res.end(`before ${PAGE_NONCE} after`);
  },
  // A feed or an API answer under a nonce policy: its own caching headers are its own.
  '/feed': (res) => {
    res.setHeader('Content-Security-Policy', `script-src 'nonce-${OWN}'`);
    res.setHeader('Content-Type', 'application/atom+xml');
    res.setHeader('ETag', '"feed"');
    res.end('<feed/>');
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

  it('leaves a page rendered with its own nonce as it is', async () => {
    const { body, nonce } = await fetchPage('/dynamic');
    expect(nonce).toBe(OWN);
    expect(body).toBe(html(OWN));
  });

  it('gives the page nonce in a body the nonce of that response’s own policy (HTML, streamed)', async () => {
    const { response, body, nonce } = await fetchPage('/other-spelling');
    expect(nonce).toBe(OWN);
    expect(body).not.toContain(PAGE_NONCE);
    expect(body).toBe(html(OWN));
    // Its nonce is this response's alone: never stored by a shared cache or revalidated to another body.
    expect(response.headers.get('cache-control')).toBe(PER_RESPONSE_CACHE_CONTROL);
    expect(response.headers.get('etag')).toBeNull();
  });

  it('does the same in an RSC payload', async () => {
    const { body } = await fetchPage('/other-spelling-rsc');
    expect(body).toBe(`0:{"nonce":"${OWN}"}\n`);
  });

  it('never sends the page nonce, even without a policy', async () => {
    const { response, body } = await fetchPage('/no-policy');
    expect(body).not.toContain(PAGE_NONCE);
    expect(body).toMatch(/^before [A-Za-z0-9+/]{22}== after$/);
    expect(response.headers.get('etag')).toBe('"keep"');
  });

  it('leaves the caching headers of what is not a page (a feed, the API) alone', async () => {
    const { response, body } = await fetchPage('/feed');
    expect(body).toBe('<feed/>');
    expect(response.headers.get('etag')).toBe('"feed"');
  });
});
