// The database the browser tests' server runs on, for the specs that reach it from outside the app
// (accounts made with `npm run admin:create`, a CLI import): SQLite's file by default, or, with
// E2E_ENGINE=postgresql, the throwaway PostgreSQL database tests/e2e/support/postgres-app.ts made and
// named in E2E_POSTGRES_URL_FILE.
import { readFileSync } from 'node:fs';

export const E2E_POSTGRES_URL_FILE = 'data/e2e-postgres.url';

export const onPostgres = () => process.env.E2E_ENGINE === 'postgresql';

export function e2eDatabaseUrl(): string {
  return onPostgres() ? readFileSync(E2E_POSTGRES_URL_FILE, 'utf8').trim() : 'file:./data/e2e.db';
}
