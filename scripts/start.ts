// `npm start`: prepare the database, build when the build is missing or stale, then serve it through
// the request edge (lib/server/edge.ts) in front of Next.js's request handler. Public pages come from
// Next's page cache: renewed by every save, and all of them at start and after another process's
// write (lib/server/cache-renewal.ts).
import './load-env';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { env } from '@/lib/env';
import { databaseTarget, isPostgresUrl, openRateLimitStore, openReaderAt, readPostgresUserVersion, withWriter } from '@/lib/db';
import { entityPageExists } from '@/lib/data/page-existence';
import { readArchiveVersion } from '@/lib/cache/archive-version';
import { PAGE_NONCE_ENV } from '@/lib/cache/page-nonce';
import { RENEW_TOKEN_ENV } from '@/lib/cache/renew-token';
import { makeNonce } from '@/lib/security/headers';
import { createCacheRenewal, isRenewalRequest } from '@/lib/server/cache-renewal';
import { createRenderOverlapWatch } from '@/lib/server/render-overlap';
import { tiePerformanceTimeToWallClock } from '@/lib/server/one-clock';
import { embedPending } from '@/lib/search/vectors/embed-pending';
import { createEdge } from '@/lib/server/edge';
import { createPageGate } from '@/lib/server/page-gate';
import { createPageMemo } from '@/lib/server/page-memo';
import { createSearchMemo } from '@/lib/server/search-memo';
import { createDirectRoute } from '@/lib/server/direct-search-api';
import { createRateLimits } from '@/lib/server/rate-limits';
import { compileAddressList } from '@/lib/server/trusted-proxies';
import { buildIsStale } from './build-freshness';
import { prepareDatabase } from './prepare-database';

const require = createRequire(import.meta.url);
const nextBin = path.join(path.dirname(require.resolve('next/package.json')), 'dist/bin/next');

await prepareDatabase();

if (buildIsStale()) {
  console.log('Building the app (the build is missing or older than the sources)…');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

// Before Next runs: its page cache compares wall-clock stamps with the performance clock (one-clock.ts).
tiePerformanceTimeToWallClock();

// What `next start` sets: the app runs as the production build it is. The page nonce and the renewal
// token are this process's secrets (lib/cache): set after the build, so no child process has them.
const pageNonce = makeNonce();
const renewToken = randomBytes(32).toString('base64url');
Object.assign(process.env, { NODE_ENV: 'production', [PAGE_NONCE_ENV]: pageNonce, [RENEW_TOKEN_ENV]: renewToken });
const { default: next } = await import('next');
const app = next({ dev: false, dir: process.cwd(), hostname: 'localhost', port: env.PORT });
await app.prepare();
// After Next is ready: the handler's modules read the request storage Next's server sets up.
const [{ searchEndpoint }, { searchesOnThreads }] = await Promise.all([import('@/lib/api/search-endpoint'), import('@/lib/data/search')]);

const log = (line: string) => process.stdout.write(line);
const database = databaseTarget(env.DATABASE_URL);
// The existence gate before the page cache (lib/server/page-gate.ts): one indexed read per entry page
// on a read-only connection of its own. The build's routes without parameters are never gated.
const routesManifest = JSON.parse(readFileSync(path.join(process.cwd(), '.next/routes-manifest.json'), 'utf8')) as { staticRoutes: { page: string }[] };
const gateReader = openReaderAt(database);
const pageGate = createPageGate((page) => entityPageExists(gateReader, page), new Set(routesManifest.staticRoutes.map((route) => route.page)));
// The archive's version, polled four times a second: SQLite's is a header field of the file, read at
// once; PostgreSQL's is a round trip, made on the reader's pool so it never holds the main thread.
const readVersion = isPostgresUrl(database) ? () => readPostgresUserVersion(gateReader) : () => readArchiveVersion(withWriter(database).db);
// A page Next rendered from what it read before a write, and stored after the write's renewal, is
// renewed again: a save through the edge, or another process's write, renewed by the version watch.
const renderOverlap = createRenderOverlapWatch({ renew: (paths) => cacheRenewal.renewPages(paths) });
const cacheRenewal = createCacheRenewal({
  port: env.PORT,
  token: renewToken,
  readVersion,
  log,
  aroundForeignRenewal: (renewal) => renderOverlap.asSave(renewal),
});
// Readers wait until the pages cached before this start are renewed; the renewal call itself passes.
let renewed: Promise<void> | null = null;
const edge = createEdge({
  handle: app.getRequestHandler(),
  trustedProxies: compileAddressList(env.TRUSTED_PROXIES),
  rateLimit: createRateLimits({
    searchPerMinute: env.RATE_LIMIT_SEARCH_PER_MINUTE,
    apiPerMinute: env.RATE_LIMIT_API_PER_MINUTE,
    exempt: compileAddressList(env.RATE_LIMIT_EXEMPT),
    // On PostgreSQL every app server counts into the database's buckets (several may serve it); a
    // SQLite archive has one server, which counts in memory.
    store: isPostgresUrl(database) ? openRateLimitStore(database, { log }) : null,
    log,
  }),
  siteUrl: env.SITE_URL,
  production: true,
  log,
  pageNonce,
  pageGate,
  pageMemo: createPageMemo({ pageNonce }),
  renderOverlap,
  // The gate's reader never writes: its change stamp moves with every commit of the archive.
  searchMemo: createSearchMemo({ changeStamp: () => gateReader.changeStamp() }),
  searchApi: createDirectRoute(searchEndpoint.GET, searchesOnThreads),
});
const server = createServer((request, response) =>
  renewed && !isRenewalRequest(request.method, request.url) ? void renewed.then(() => edge(request, response)) : void edge(request, response),
);

server.listen(env.PORT, () => {
  renewed = cacheRenewal.start().then(
    () => {
      renewed = null;
    },
    (error: Error) => {
      console.error(`Renewing the cached pages at start failed: ${error.message}`);
      process.exit(1);
    },
  );
  const trusted = env.TRUSTED_PROXIES.length > 0 ? env.TRUSTED_PROXIES.join(', ') : 'none';
  log(
    `${JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: `Serving Interview Archive on http://localhost:${env.PORT}`, trustedProxies: trusted })}\n`,
  );
});

// Passages without vectors (an archive upgraded to meaning-based search, a restored backup) are embedded
// in the background: the archive is served, and searchable by words, meanwhile. SEARCH_EMBED_ON_START=off
// skips it (bench:http, whose synthetic corpus has no vectors: hours of CPU would spoil its figures).
if (env.SEARCH_EMBED_ON_START === 'on') {
  embedPending(database).catch((error: Error) => console.error(`Embedding passages for search failed: ${error.message}`));
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    // Finish the requests in flight, then stop; a stuck keep-alive connection must not hold the exit.
    cacheRenewal.stop();
    server.close(() => void app.close().finally(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
