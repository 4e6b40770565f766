// The watcher that renews every cached page when another process writes (lib/server/cache-renewal.ts),
// with an asynchronous version read as PostgreSQL's poll makes it: a real loopback HTTP server stands
// in for the renewal route and counts the renewals it is asked for.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it, onTestFinished } from 'vitest';
import { noteOwnCommit, resetArchiveVersionWatch } from '@/lib/cache/archive-version';
import { RENEW_HEADER, RENEW_PATH } from '@/lib/cache/renew-token';
import { createCacheRenewal } from '@/lib/server/cache-renewal';

const TOKEN = 'test-token';
let server: Server;
let port: number;
let renewals: number;
/** The bodies the renewal route was sent ('' for every page). */
let bodies: string[];
/** How many of the next renewal calls the route refuses (it answers 500). */
let refuseNext: number;

beforeEach(async () => {
  resetArchiveVersionWatch();
  renewals = 0;
  bodies = [];
  refuseNext = 0;
  server = createServer((request, response) => {
    if (request.method === 'POST' && request.url === RENEW_PATH && request.headers[RENEW_HEADER] === TOKEN) renewals++;
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => {
      bodies.push(body);
      if (refuseNext > 0) {
        refuseNext--;
        response.writeHead(500).end();
      } else response.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
});
afterEach(() => new Promise<void>((resolve) => server.close(() => resolve())));

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function deferred<T>() {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

describe('cache renewal with an asynchronous version read', () => {
  it('renews at start, then again when another process moves the version', async () => {
    let version = 5;
    const renewal = createCacheRenewal({ port, token: TOKEN, readVersion: async () => version, log: () => {}, intervalMs: 10 });
    await renewal.start();
    expect(renewals).toBe(1);
    await sleep(50);
    expect(renewals).toBe(1); // unchanged version: nothing to renew
    version = 6; // a write of another process
    await sleep(80);
    renewal.stop();
    expect(renewals).toBe(2);
  });

  it("tries a renewal that failed after another process's write again at the next look, and once it succeeded, not again", async () => {
    let version = 5;
    const lines: string[] = [];
    const renewal = createCacheRenewal({ port, token: TOKEN, readVersion: async () => version, log: (line) => lines.push(line), intervalMs: 10 });
    onTestFinished(() => renewal.stop()); // a failed assertion must not leave it looking in the next test
    await renewal.start();
    expect(renewals).toBe(1);
    refuseNext = 1; // the route fails the renewal after the write
    version = 6; // a write of another process
    await expect.poll(() => renewals).toBe(3); // the failed renewal, then the one at a later look
    await sleep(80); // later looks read 6: accounted for now
    renewal.stop();
    expect(renewals).toBe(3);
    expect(lines.filter((line) => line.includes('Cache renewal failed: The cache renewal route answered 500.'))).toHaveLength(1);
    expect(lines.filter((line) => line.includes('Renewed every cached page: another process wrote to the archive'))).toHaveLength(1);
  });

  it('drops a read that was on its way while this process committed, instead of taking its own write for a foreign one', async () => {
    let pending: ReturnType<typeof deferred<number>> | null = null;
    let version = 5;
    const renewal = createCacheRenewal({
      port,
      token: TOKEN,
      readVersion: () => (pending ? pending.promise : Promise.resolve(version)),
      log: () => {},
      intervalMs: 10,
    });
    await renewal.start(); // baseline 5
    pending = deferred<number>();
    await sleep(30); // a look is now waiting on the read
    version = 6;
    noteOwnCommit(5); // this process's write, 5 → 6, commits while the read is out
    const stale = pending;
    pending = null;
    stale.resolve(5); // the read was taken before that write
    await sleep(80); // later looks read 6: accounted for
    renewal.stop();
    expect(renewals).toBe(1);
  });

  it('renews the pages rendered across a write by name, and logs it', async () => {
    const lines: string[] = [];
    const renewal = createCacheRenewal({ port, token: TOKEN, readVersion: () => 5, log: (line) => lines.push(line) });
    renewal.renewPages(['/documents/some-interview', '/speakers/someone']);
    await expect.poll(() => renewals).toBe(1);
    expect(bodies).toEqual([JSON.stringify({ paths: ['/documents/some-interview', '/speakers/someone'] })]);
    await expect.poll(() => lines.join('')).toContain('Renewed 2 pages rendered across a write: /documents/some-interview /speakers/someone');
  });

  it("runs the renewal after another process's write through aroundForeignRenewal (the render watch), and the start's without it", async () => {
    let version = 5;
    /** What aroundForeignRenewal saw: how many renewals had reached the route before and after its call. */
    const around: { before: number; after: number }[] = [];
    const renewal = createCacheRenewal({
      port,
      token: TOKEN,
      readVersion: () => version,
      log: () => {},
      intervalMs: 10,
      aroundForeignRenewal: async (renew) => {
        const before = renewals;
        await renew();
        around.push({ before, after: renewals });
      },
    });
    await renewal.start();
    expect(renewals).toBe(1);
    expect(around).toEqual([]);
    version = 6;
    await expect.poll(() => around).toEqual([{ before: 1, after: 2 }]);
    renewal.stop();
    expect(bodies).toEqual(['', '']);
  });
});
