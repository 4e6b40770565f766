// The browser tests' server on PostgreSQL (E2E_ENGINE=postgresql, see playwright.config.ts): starts a
// throwaway PostgreSQL server, then the app on it through the same `npm start` path a deployment
// takes (migrate, seed, serve), and stops the database when Playwright stops the app.
import { spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { startPostgres } from '../../support/postgres-server';
import { E2E_POSTGRES_URL_FILE } from './e2e-database';

const server = await startPostgres();
server.admin('CREATE DATABASE e2e');
// The specs that reach the database from outside the app (admin:create, a CLI import) read it here.
mkdirSync('data', { recursive: true });
writeFileSync(E2E_POSTGRES_URL_FILE, `${server.url('e2e')}\n`);
const app = spawn(process.execPath, ['--import', 'tsx', '--import', './scripts/server-side.mjs', 'scripts/start.ts'], {
  stdio: 'inherit',
  env: { ...process.env, DATABASE_URL: server.url('e2e') },
});

let stopping = false;
const stop = (code: number) => {
  if (stopping) return;
  stopping = true;
  app.kill('SIGTERM');
  server.stop();
  process.exit(code);
};
app.on('exit', (code) => stop(code ?? 1));
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => stop(0));
