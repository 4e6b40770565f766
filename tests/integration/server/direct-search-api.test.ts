// The search API answered by the request edge with the route's own handler, without Next's routing
// (lib/server/direct-search-api.ts), over real HTTP on this file's seeded archive. The route's handler
// is the real one; `handle` stands in for Next and records what reaches it. Each answer is compared
// with the handler's own, called as Next calls it: a client must not tell the two ways apart.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { connect, type AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/v1/search/route';
import { publicGet } from '@/lib/api/public-get';
import { reader } from '@/lib/db/client';
import { createDirectRoute, type DirectRoute } from '@/lib/server/direct-search-api';
import { createSearchMemo, SEARCH_API_PATH, type SearchMemo } from '@/lib/server/search-memo';
import { serveEdge, type EdgeServer } from '@/tests/support/edge-server';

/** Requests that reached the stand-in for Next, in order. */
let reachedNext: string[] = [];

function standInForNext(request: IncomingMessage, response: ServerResponse) {
  reachedNext.push(`${request.method} ${request.url}`);
  response.statusCode = 299;
  response.end('next');
  return Promise.resolve();
}

/** Whether the direct route says it is ready (in `npm start`: searches run on a search thread). */
let ready = true;

const serve = (searchApi: DirectRoute, searchMemo?: SearchMemo) => serveEdge({ handle: standInForNext, searchMemo, searchApi });

let served: EdgeServer;
let base: string;

beforeAll(async () => {
  served = await serve(createDirectRoute(GET, () => ready));
  base = served.base;
});
afterAll(async () => {
  await served.close();
  reader().close();
});
beforeEach(() => {
  reachedNext = [];
  ready = true;
});

const get = async (path: string, init: RequestInit = {}, at = base) => {
  const response = await fetch(`${at}${path}`, init);
  return { status: response.status, headers: response.headers, body: await response.text() };
};
/** The route handler's own answer, called as Next calls it. */
const routeAnswer = async (path: string, headers: Record<string, string> = {}) => {
  const response = await GET(new Request(`http://localhost${path}`, { headers }));
  return { status: response.status, headers: response.headers, body: await response.text() };
};

const SEARCH = `${SEARCH_API_PATH}?q=summit&pageSize=3`;

describe('the search API answered at the edge', () => {
  it("sends the route handler's answer, byte for byte, without Next", async () => {
    const direct = await get(SEARCH, { headers: { 'accept-encoding': 'identity' } });
    const own = await routeAnswer(SEARCH);
    expect(reachedNext).toEqual([]);
    expect(direct.status).toBe(200);
    expect(direct.body).toBe(own.body);
    expect(JSON.parse(direct.body).hits.length).toBeGreaterThan(0);
    for (const name of ['etag', 'cache-control', 'content-type', 'access-control-allow-origin', 'access-control-expose-headers']) {
      expect(direct.headers.get(name), name).toBe(own.headers.get(name));
    }
    expect(Number(direct.headers.get('content-length'))).toBe(Buffer.byteLength(own.body));
  });

  it('carries the headers proxy.ts and the edge give every answer: a fresh policy nonce, the security headers, a request id', async () => {
    const [one, two] = [await get(SEARCH), await get(SEARCH)];
    const nonce = (policy: string | null) => /'nonce-([^']+)'/.exec(policy ?? '')?.[1];
    expect(nonce(one.headers.get('content-security-policy'))).toBeTruthy();
    expect(nonce(one.headers.get('content-security-policy'))).not.toBe(nonce(two.headers.get('content-security-policy')));
    expect(one.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(one.headers.get('x-content-type-options')).toBe('nosniff');
    expect(one.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(one.headers.get('x-request-id')).not.toBe(two.headers.get('x-request-id'));
  });

  it('compresses as the client accepts, and the body is the same once decoded', async () => {
    const own = await routeAnswer(SEARCH);
    for (const encoding of ['gzip', 'br', 'deflate']) {
      const direct = await get(SEARCH, { headers: { 'accept-encoding': encoding } });
      expect(direct.headers.get('content-encoding'), encoding).toBe(encoding);
      expect(direct.headers.get('vary')).toMatch(/accept-encoding/i);
      expect(direct.body, encoding).toBe(own.body);
    }
    const plain = await get(SEARCH, { headers: { 'accept-encoding': 'identity' } });
    expect(plain.headers.get('content-encoding')).toBeNull();
  });

  it('answers a client that has the answer with a 304 and no body', async () => {
    const first = await get(SEARCH);
    const again = await get(SEARCH, { headers: { 'if-none-match': first.headers.get('etag')! } });
    expect(again.status).toBe(304);
    expect(again.body).toBe('');
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(reachedNext).toEqual([]);
  });

  it("answers a bad parameter with the route's own 400, naming it", async () => {
    const path = `${SEARCH_API_PATH}?q=summit&limit=3`;
    const direct = await get(path);
    const own = await routeAnswer(path);
    expect(direct.status).toBe(400);
    expect(direct.body).toBe(own.body);
    expect(JSON.parse(direct.body).problems).toEqual([{ parameter: 'limit', message: 'is not a known parameter' }]);
    expect(reachedNext).toEqual([]);
  });

  it('leaves every other method and path to Next', async () => {
    await get(SEARCH, { method: 'HEAD' });
    await get(SEARCH, { method: 'OPTIONS' });
    await get(SEARCH, { method: 'POST', body: '' });
    await get(`${SEARCH_API_PATH}/?q=summit`);
    await get('/api/v1/searches?q=summit');
    await get('/search?q=summit');
    expect(reachedNext).toEqual([
      `HEAD ${SEARCH}`,
      `OPTIONS ${SEARCH}`,
      `POST ${SEARCH}`,
      `GET ${SEARCH_API_PATH}/?q=summit`,
      'GET /api/v1/searches?q=summit',
      'GET /search?q=summit',
    ]);
  });

  it('leaves the search to Next while it is not ready (no search thread yet, PostgreSQL)', async () => {
    ready = false;
    const answer = await get(SEARCH);
    expect(answer.status).toBe(299);
    expect(reachedNext).toEqual([`GET ${SEARCH}`]);
  });

  it('answers an absolute-form target on its path and query, whatever its host holds', async () => {
    const { port } = served.server.address() as AddressInfo;
    const raw = await new Promise<string>((resolve, reject) => {
      const socket = connect(port, '127.0.0.1', () => socket.end(`GET http://a%zz${SEARCH} HTTP/1.1\r\nHost: a\r\nConnection: close\r\n\r\n`));
      let text = '';
      socket.on('data', (chunk) => (text += chunk.toString('latin1')));
      socket.on('end', () => resolve(text));
      socket.on('error', reject);
    });
    expect(raw.split('\r\n')[0]).toBe('HTTP/1.1 200 OK');
    expect(raw).toContain('"query":"summit"');
    expect(reachedNext).toEqual([]);
  });

  it("answers a failing search with the API's JSON 500 quoting the request's own id", async () => {
    const failing = await serve(
      createDirectRoute(
        publicGet(() => {
          throw new Error('the disk is gone');
        }).GET,
        () => true,
      ),
    );
    try {
      const answer = await get(SEARCH, {}, failing.base);
      expect(answer.status).toBe(500);
      const body = JSON.parse(answer.body);
      expect(body.error).toBe('internal_error');
      expect(body.requestId).toBe(answer.headers.get('x-request-id'));
      expect(answer.body).not.toContain('the disk is gone');
    } finally {
      await failing.close();
    }
  });

  it("is kept by the search memo like Next's answer, and sent again from it", async () => {
    const memo = createSearchMemo({ changeStamp: () => reader().changeStamp() });
    let searched = 0;
    const counting = createDirectRoute(
      async (request) => {
        searched++;
        return GET(request);
      },
      () => true,
    );
    const withMemo = await serve(counting, memo);
    try {
      const first = await get(SEARCH, { headers: { 'accept-encoding': 'gzip' } }, withMemo.base);
      const again = await get(SEARCH, { headers: { 'accept-encoding': 'gzip' } }, withMemo.base);
      expect(searched).toBe(1);
      expect(memo.size).toBe(1);
      expect(again.body).toBe(first.body);
      expect(again.headers.get('content-encoding')).toBe('gzip');
      expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    } finally {
      await withMemo.close();
    }
  });
});
