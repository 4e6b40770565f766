// `npm start`: prepare the database, build when the build is missing or stale, then serve it.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { env } from '@/lib/env';
import { buildIsStale } from './build-freshness';
import { prepareDatabase } from './prepare-database';

const nextBin = path.join(path.dirname(createRequire(import.meta.url).resolve('next/package.json')), 'dist/bin/next');

await prepareDatabase();

if (buildIsStale()) {
  console.log('Building the app (the build is missing or older than the sources)…');
  const build = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit' });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

console.log(`Serving Interview Archive on http://localhost:${env.PORT}`);
const server = spawn(process.execPath, [nextBin, 'start', '--port', String(env.PORT)], { stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
