// The renewal route (app/api/cache/route.ts) as the server's watcher calls it: only with the process's
// token; no body renews every page, `{ paths }` those pages; anything else is refused, renewing nothing.
// Outside Next's server the renewal itself has no page cache to expire (lib/cache/renew.ts): what is
// checked here is who may call the route and what it accepts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { POST } from '@/app/api/cache/route';
import { RENEW_HEADER, RENEW_PATH, RENEW_TOKEN_ENV } from '@/lib/cache/renew-token';
import { MOST_PATHS_A_RENEWAL } from '@/lib/server/render-overlap';
import { MAX_REQUEST_TARGET } from '@/lib/server/request-target';

const TOKEN = 'renewal-route-test-token';
let before: string | undefined;
beforeAll(() => {
  before = process.env[RENEW_TOKEN_ENV];
  process.env[RENEW_TOKEN_ENV] = TOKEN;
});
afterAll(() => {
  if (before === undefined) delete process.env[RENEW_TOKEN_ENV];
  else process.env[RENEW_TOKEN_ENV] = before;
});

const call = (body?: string, token: string | null = TOKEN) =>
  POST(
    new Request(`http://localhost${RENEW_PATH}`, { method: 'POST', headers: token ? { [RENEW_HEADER]: token } : {}, ...(body === undefined ? {} : { body }) }),
  );

describe('the cache renewal route', () => {
  it('answers 404 without the token, or with another', async () => {
    expect((await call(undefined, null)).status).toBe(404);
    expect((await call(undefined, 'guess')).status).toBe(404);
    expect((await call(JSON.stringify({ paths: ['/'] }), 'guess')).status).toBe(404);
  });

  it('renews every page with no body, and the named pages with { paths }, as many as the watch sends in one call', async () => {
    expect((await call()).status).toBe(204);
    expect((await call(JSON.stringify({ paths: ['/documents/some-interview', '/topics/china'] }))).status).toBe(204);
    expect((await call(JSON.stringify({ paths: Array.from({ length: MOST_PATHS_A_RENEWAL }, (_, i) => `/documents/d${i}`) }))).status).toBe(204);
  });

  it('refuses a body that is not a list of public paths, with a message', async () => {
    for (const body of [
      'not json',
      '{}',
      JSON.stringify({ paths: [] }),
      JSON.stringify({ paths: ['documents/x'] }),
      JSON.stringify({ paths: ['//evil.example'] }),
      JSON.stringify({ paths: Array.from({ length: MOST_PATHS_A_RENEWAL + 1 }, (_, i) => `/documents/d${i}`) }),
      JSON.stringify({ paths: [`/documents/${'a'.repeat(MAX_REQUEST_TARGET)}`] }),
    ]) {
      const response = await call(body);
      expect(response.status, body).toBe(400);
      expect((await response.json()).message, body).toMatch(/paths/);
    }
  });
});
