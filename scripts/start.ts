// `npm start`: prepare the database, build when the build is missing or stale, then serve it through
// the request edge (lib/server/edge.ts) in front of Next.js's request handler.
import './load-env';
import { spawnSync } from 'node:child_process';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { env } from '@/lib/env';
import { databaseFilePath } from '@/lib/db';
import { embedPending } from '@/lib/search/vectors/embed-pending';
import { createEdge } from '@/lib/server/edge';
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

// What `next start` sets: the app runs as the production build it is.
Object.assign(process.env, { NODE_ENV: 'production' });
const { default: next } = await import('next');
const app = next({ dev: false, dir: process.cwd(), hostname: 'localhost', port: env.PORT });
await app.prepare();

const log = (line: string) => process.stdout.write(line);
const server = createServer(
  createEdge({
    handle: app.getRequestHandler(),
    trustedProxies: compileAddressList(env.TRUSTED_PROXIES),
    rateLimit: createRateLimits({
      searchPerMinute: env.RATE_LIMIT_SEARCH_PER_MINUTE,
      apiPerMinute: env.RATE_LIMIT_API_PER_MINUTE,
      exempt: compileAddressList(env.RATE_LIMIT_EXEMPT),
    }),
    siteUrl: env.SITE_URL,
    production: true,
    log,
  }),
);

server.listen(env.PORT, () => {
  const trusted = env.TRUSTED_PROXIES.length > 0 ? env.TRUSTED_PROXIES.join(', ') : 'none';
  log(
    `${JSON.stringify({ time: new Date().toISOString(), level: 'info', msg: `Serving Interview Archive on http://localhost:${env.PORT}`, trustedProxies: trusted })}\n`,
  );
});

// Passages without vectors (an archive upgraded to meaning-based search, a restored backup) are embedded
// in the background: the archive is served, and searchable by words, meanwhile. SEARCH_EMBED_ON_START=off
// skips it (bench:http, whose synthetic corpus has no vectors: hours of CPU would spoil its figures).
if (env.SEARCH_EMBED_ON_START === 'on') {
  embedPending(databaseFilePath(env.DATABASE_URL)).catch((error: Error) => console.error(`Embedding passages for search failed: ${error.message}`));
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    // Finish the requests in flight, then stop; a stuck keep-alive connection must not hold the exit.
    server.close(() => void app.close().finally(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(0), 5_000).unref();
  });
}
