// Rate limits on PostgreSQL are the database's, not a process's: two limiters standing in for two app
// servers (each its own pool, as each server opens one) count into the same buckets, so a scraper
// spreading its requests over both is refused at the limit. A store that cannot be reached lets
// requests through and says so in the log, once, rather than refusing every reader; the health report
// says so too, while it lasts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migratePostgres, openRateLimitStore, type RateLimitStore } from '@/lib/db';
import { rateLimitCheck, resetRateLimitHealth, RATE_LIMIT_FAILURE_WINDOW_MS } from '@/lib/server/rate-limit-health';
import { createRateLimits } from '@/lib/server/rate-limits';
import { compileAddressList } from '@/lib/server/trusted-proxies';
import { startPostgres, type PostgresServer } from '@/tests/support/postgres-server';

let server: PostgresServer;
let url: string;
const stores: RateLimitStore[] = [];

beforeAll(async () => {
  server = await startPostgres();
  server.admin('CREATE DATABASE limits');
  url = server.url('limits');
  await migratePostgres(url);
}, 60_000);
afterAll(async () => {
  await Promise.all(stores.map((store) => store.close()));
  server?.stop();
});

function appServer(limits: { search: number; api: number }, log: (line: string) => void = () => undefined) {
  const store = openRateLimitStore(url, { log });
  stores.push(store);
  return createRateLimits({ searchPerMinute: limits.search, apiPerMinute: limits.api, exempt: compileAddressList(['192.0.2.1']), store, log });
}

describe('rate limits on PostgreSQL', () => {
  it('count across app servers: half the limit on each exhausts it on both', async () => {
    const a = appServer({ search: 4, api: 10 });
    const b = appServer({ search: 4, api: 10 });
    const search = (limit: typeof a, address: string) => limit({ path: '/api/v1/search', address, prefetch: false });
    for (let i = 0; i < 2; i++) expect(await search(a, '203.0.113.5')).toEqual({ limited: false });
    for (let i = 0; i < 2; i++) expect(await search(b, '203.0.113.5')).toEqual({ limited: false });
    // Each has seen two requests; in memory neither would refuse the fifth.
    const refusedOnA = await search(a, '203.0.113.5');
    expect(refusedOnA).toMatchObject({ limited: true, kind: 'search' });
    expect(refusedOnA.limited && refusedOnA.retryAfterSeconds).toBeGreaterThanOrEqual(1);
    expect(refusedOnA.limited && refusedOnA.retryAfterSeconds).toBeLessThanOrEqual(60);
    expect(await search(b, '203.0.113.5')).toMatchObject({ limited: true, kind: 'search' });
    // Other addresses, the API's own bucket and exempt addresses are untouched.
    expect(await search(b, '203.0.113.6')).toEqual({ limited: false });
    expect(await a({ path: '/api/v1/documents', address: '203.0.113.5', prefetch: false })).toEqual({ limited: false });
    for (let i = 0; i < 6; i++) expect(await search(a, '192.0.2.1')).toEqual({ limited: false });
  }, 30_000);

  it('keep one row per bucket in archive_rate_limits, named by limit and address', async () => {
    const a = appServer({ search: 3, api: 3 });
    await a({ path: '/search', address: '198.51.100.7', prefetch: false });
    await a({ path: '/api/v1/topics', address: '198.51.100.7', prefetch: false });
    const store = openRateLimitStore(url);
    stores.push(store);
    const { rows } = await store.pool.query(`SELECT key, points FROM archive_rate_limits WHERE key LIKE '%198.51.100.7' ORDER BY key`);
    expect(rows).toEqual([
      { key: 'api:198.51.100.7', points: 1 },
      { key: 'search:198.51.100.7', points: 1 },
    ]);
  }, 30_000);

  it('let requests through when the store cannot be reached, with one logged line for many failures', async () => {
    const lines: string[] = [];
    // A database that does not exist: every count fails at connecting.
    const store = openRateLimitStore(server.url('missing'), { log: (line) => lines.push(line) });
    stores.push(store);
    const limit = createRateLimits({ searchPerMinute: 1, apiPerMinute: 1, exempt: compileAddressList([]), store, log: (line) => lines.push(line) });
    for (let i = 0; i < 5; i++) expect(await limit({ path: '/search', address: '203.0.113.8', prefetch: false })).toEqual({ limited: false });
    expect(lines).toHaveLength(1);
    expect(JSON.parse(lines[0]!)).toMatchObject({ level: 'error', msg: 'Rate limits could not be counted; requests let through', failures: 1 });
    expect(JSON.parse(lines[0]!).error).toMatch(/"missing" does not exist/);
  }, 30_000);

  it('report degraded health while counts fail, and ok again after a count succeeds or the failures are a minute old', async () => {
    resetRateLimitHealth();
    expect(rateLimitCheck()).toEqual({ status: 'ok', message: 'no request counted yet' });
    const broken = openRateLimitStore(server.url('missing'), { log: () => undefined });
    stores.push(broken);
    const failing = createRateLimits({ searchPerMinute: 5, apiPerMinute: 5, exempt: compileAddressList([]), store: broken, log: () => undefined });
    for (let i = 0; i < 3; i++) await failing({ path: '/search', address: '203.0.113.9', prefetch: false });
    const degraded = rateLimitCheck();
    expect(degraded).toMatchObject({
      status: 'degraded',
      failuresInARow: 3,
      message: 'requests could not be counted (3D000) and are let through without limits',
    });
    expect(rateLimitCheck(Date.parse(degraded.lastFailedAt as string) + RATE_LIMIT_FAILURE_WINDOW_MS)).toEqual({
      status: 'ok',
      message: 'no request counted yet',
    });
    const working = appServer({ search: 5, api: 5 });
    await working({ path: '/search', address: '203.0.113.9', prefetch: false });
    expect(rateLimitCheck()).toEqual({ status: 'ok', message: 'counting' });
  }, 30_000);
});
