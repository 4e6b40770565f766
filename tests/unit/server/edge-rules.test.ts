// The pure rules of the request edge: broken percent-encoding, foreign-origin page posts, which
// paths are rate limited and how, security headers and the CSP, and the log lines.
import { describe, expect, it } from 'vitest';
import { accessLogLine } from '@/lib/server/access-log';
import { isForeignPagePost } from '@/lib/server/action-origin';
import { errorLogLine } from '@/lib/server/error-log';
import { createRateLimits, limitedKind } from '@/lib/server/rate-limits';
import { hasBrokenPercentEncoding, isApiPath, targetPath } from '@/lib/server/request-target';
import { compileAddressList } from '@/lib/server/trusted-proxies';
import { contentSecurityPolicy, isHttps, makeNonce, securityHeaders } from '@/lib/security/headers';

describe('the request target', () => {
  it('is the path without query or fragment, also for absolute-form targets', () => {
    expect(targetPath('/search?q=north')).toBe('/search');
    expect(targetPath('/documents/x#p2')).toBe('/documents/x');
    expect(targetPath('http://evil.example:81/admin?x=1')).toBe('/admin');
    expect(targetPath(undefined)).toBe('/');
    expect(targetPath('*')).toBe('/*');
  });

  it('finds broken percent-encoding: a lone %, non-hex digits, bytes that are not UTF-8', () => {
    for (const path of ['/documents/%', '/documents/%ED%A0%80', '/speakers/%zz', '/x/%E0%A4%A', '/%C0%AF', '/%FF']) {
      expect(hasBrokenPercentEncoding(path), path).toBe(true);
    }
    for (const path of ['/documents/caf%C3%A9', '/a%2Fb', '/', '/speakers/seongmin-lee', '/%F0%9F%98%80']) {
      expect(hasBrokenPercentEncoding(path), path).toBe(false);
    }
  });

  it('tells the API from pages', () => {
    expect(isApiPath('/api/v1/documents')).toBe(true);
    expect(isApiPath('/api')).toBe(true);
    expect(isApiPath('/apiary')).toBe(false);
    expect(isApiPath('/documents')).toBe(false);
  });
});

describe('a POST to a page from another site', () => {
  const post = (origin: string | undefined, extra: Partial<Parameters<typeof isForeignPagePost>[0]> = {}) =>
    isForeignPagePost({ method: 'POST', path: '/admin/documents', origin, ownHosts: ['archive.example.org'], ...extra });

  it('is foreign when its Origin names another host or port, is "null", or is not a URL', () => {
    expect(post('https://evil.example')).toBe(true);
    expect(post('http://archive.example.org:8080')).toBe(true);
    expect(post('null')).toBe(true);
    expect(post('not a url')).toBe(true);
    expect(post('')).toBe(true);
  });

  it('is our own when its Origin is one of the hosts this site answers as, in any case', () => {
    expect(post('https://archive.example.org')).toBe(false);
    expect(post('https://ARCHIVE.example.org')).toBe(false);
    expect(post('https://site.example', { ownHosts: [undefined, 'site.example'] })).toBe(false);
  });

  it('leaves alone reads, the API (its handlers check Origin), and requests without Origin (no browser sends a cross-site POST without one)', () => {
    expect(post('https://evil.example', { method: 'GET' })).toBe(false);
    expect(post('https://evil.example', { path: '/api/v1/admin/documents/1/passages/3' })).toBe(false);
    expect(post(undefined)).toBe(false);
  });

  it('lets any harvester POST to /oai (OAI-PMH allows it; the repository reads no cookie and writes nothing), and no look-alike', () => {
    expect(post('https://harvester.example', { path: '/oai' })).toBe(false);
    expect(post('https://evil.example', { path: '/oai/x' })).toBe(true);
    expect(post('https://evil.example', { path: '/oaix' })).toBe(true);
  });
});

describe('rate limits', () => {
  it('apply to search (page and API) and to the rest of /api/v1, nothing else', () => {
    expect(limitedKind('/search')).toBe('search');
    expect(limitedKind('/api/v1/search')).toBe('search');
    expect(limitedKind('/api/v1/documents')).toBe('api');
    expect(limitedKind('/api/v1/documents/x')).toBe('api');
    expect(limitedKind('/oai')).toBe('api');
    expect(limitedKind('/documents')).toBeNull();
    expect(limitedKind('/searching')).toBeNull();
    expect(limitedKind('/api/auth/session')).toBeNull();
  });

  it('count per address, refuse past the limit with the seconds to wait, and leave other addresses alone', async () => {
    const limit = createRateLimits({ searchPerMinute: 3, apiPerMinute: 5, exempt: compileAddressList(['192.0.2.1']) });
    const search = (address: string | null) => limit({ path: '/search', address, prefetch: false });
    for (let i = 0; i < 3; i++) expect(await search('203.0.113.9')).toEqual({ limited: false });
    const refused = await search('203.0.113.9');
    expect(refused).toMatchObject({ limited: true, kind: 'search' });
    expect(refused.limited && refused.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refused.limited && refused.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await search('203.0.113.10')).toEqual({ limited: false });
    // The API's bucket is its own.
    expect(await limit({ path: '/api/v1/documents', address: '203.0.113.9', prefetch: false })).toEqual({ limited: false });
    // Exempt addresses, prefetches and unlimited paths are never counted.
    for (let i = 0; i < 10; i++) expect(await search('192.0.2.1')).toEqual({ limited: false });
    for (let i = 0; i < 10; i++) expect(await limit({ path: '/search', address: '203.0.113.9', prefetch: true })).toEqual({ limited: false });
    for (let i = 0; i < 10; i++) expect(await limit({ path: '/documents', address: '203.0.113.9', prefetch: false })).toEqual({ limited: false });
  });

  it("count an API request that claims to be a prefetch: the header is the client's word", async () => {
    const limit = createRateLimits({ searchPerMinute: 2, apiPerMinute: 2, exempt: compileAddressList([]) });
    const claimed = () => limit({ path: '/api/v1/search', address: '203.0.113.20', prefetch: true });
    expect(await claimed()).toEqual({ limited: false });
    expect(await claimed()).toEqual({ limited: false });
    expect(await claimed()).toMatchObject({ limited: true, kind: 'search' });
  });

  it('are off when set to 0, and share one bucket among requests with no address', async () => {
    const off = createRateLimits({ searchPerMinute: 0, apiPerMinute: 1, exempt: compileAddressList([]) });
    for (let i = 0; i < 20; i++) expect(await off({ path: '/search', address: '203.0.113.9', prefetch: false })).toEqual({ limited: false });
    expect(await off({ path: '/api/v1/topics', address: null, prefetch: false })).toEqual({ limited: false });
    expect(await off({ path: '/api/v1/topics', address: null, prefetch: false })).toMatchObject({ limited: true });
  });
});

describe('security headers', () => {
  const directives = (policy: string) => new Map(policy.split('; ').map((d) => [d.split(' ')[0], d.split(' ').slice(1)]));

  it('allow scripts only with the nonce in production: no unsafe-inline, no unsafe-eval', () => {
    const csp = directives(contentSecurityPolicy('abc123', { production: true, https: false }));
    expect(csp.get('script-src')).toEqual(["'self'", "'nonce-abc123'", "'strict-dynamic'"]);
    expect(csp.get('style-src')).toEqual(["'self'", "'nonce-abc123'"]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.has('upgrade-insecure-requests')).toBe(false);
  });

  it("add only what development needs: eval for React's error stacks, inline styles for the overlay", () => {
    const csp = directives(contentSecurityPolicy('abc123', { production: false, https: false }));
    expect(csp.get('script-src')).toContain("'unsafe-eval'");
    expect(csp.get('script-src')).not.toContain("'unsafe-inline'");
    expect(csp.get('style-src')).toContain("'unsafe-inline'");
  });

  it('send HSTS and upgrade requests only for an https site in production', () => {
    expect(securityHeaders({ production: true, https: true })['Strict-Transport-Security']).toMatch(/^max-age=\d{8}/);
    expect(securityHeaders({ production: true, https: false })['Strict-Transport-Security']).toBeUndefined();
    expect(securityHeaders({ production: false, https: true })['Strict-Transport-Security']).toBeUndefined();
    expect(contentSecurityPolicy('n', { production: true, https: true })).toContain('upgrade-insecure-requests');
    expect(securityHeaders({ production: true, https: false })).toMatchObject({
      'X-Frame-Options': 'DENY',
      'X-Content-Type-Options': 'nosniff',
      'Referrer-Policy': 'strict-origin-when-cross-origin',
    });
    expect(isHttps('https://archive.example.org', 'http')).toBe(true);
    expect(isHttps(undefined, 'https')).toBe(true);
    expect(isHttps('http://localhost:3000', null)).toBe(false);
  });

  it('make a fresh 128-bit nonce each time', () => {
    const nonces = new Set(Array.from({ length: 100 }, makeNonce));
    expect(nonces.size).toBe(100);
    for (const nonce of nonces) expect(Buffer.from(nonce, 'base64')).toHaveLength(16);
  });
});

describe('log lines', () => {
  it('one JSON line per request, with the path but not the query', () => {
    const line = accessLogLine(
      { requestId: 'r1', method: 'GET', path: '/search', status: 200, durationMs: 12.5, client: '203.0.113.9' },
      new Date('2026-12-01T00:00:00Z'),
    );
    expect(line.endsWith('\n')).toBe(true);
    expect(line.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(line)).toEqual({
      time: '2026-12-01T00:00:00.000Z',
      level: 'info',
      msg: 'request',
      requestId: 'r1',
      method: 'GET',
      path: '/search',
      status: 200,
      durationMs: 12.5,
      client: '203.0.113.9',
    });
  });

  it('stays one line whatever the path holds, and is cut when very long', () => {
    const line = accessLogLine({ requestId: 'r', method: 'GET', path: `/a\n{"forged":true}\n${'x'.repeat(5000)}`, status: 404, durationMs: 1, client: null });
    expect(line.trim().split('\n')).toHaveLength(1);
    expect(JSON.parse(line).path.length).toBeLessThanOrEqual(1025);
  });

  it('an error line carries the request id, the digest and the stack, and no query', () => {
    const error = Object.assign(new Error('SQLITE_ERROR: no such table: Passage'), { digest: '2345678901' });
    const entry = JSON.parse(
      errorLogLine(error, { path: '/search?q=private', method: 'GET', headers: { 'x-request-id': 'req-9' } }, { routePath: '/search', routeType: 'render' }),
    );
    expect(entry).toMatchObject({
      level: 'error',
      requestId: 'req-9',
      digest: '2345678901',
      path: '/search',
      route: '/search',
      routeType: 'render',
      msg: 'SQLITE_ERROR: no such table: Passage',
    });
    expect(entry.stack).toMatch(/SQLITE_ERROR/);
    expect(JSON.stringify(entry)).not.toContain('private');
  });
});
