// Browser tests: Debian's Chromium headless shell (Playwright's own browser downloads are unreachable
// here), driving the production build served by `npm start` against a fresh database.
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_FLAGS, ensureChromium, HEADLESS_SHELL } from './tests/e2e/support/chromium';

const PORT = Number(process.env.E2E_PORT ?? 3100);
const chromium = ensureChromium(process.env.CHROMIUM_PATH ?? HEADLESS_SHELL);
const BACK_OFFICE = /(admin|security)\.spec\.ts$/;
// E2E_ENGINE=postgresql (the second half of `npm run test:e2e`) runs the readers' flows and the back
// office's edits again on a throwaway PostgreSQL server, after the SQLite run: one server at a time,
// since both serve the same build and its page cache. A spec that looks into the database itself does
// it through tests/e2e/support/e2e-database.ts (lib/db's reader), never SQLite's file, to run here too.
const ON_POSTGRES = process.env.E2E_ENGINE === 'postgresql';
// Every spec runs here but these:
// - three whose subject is SQLite's own file: oai-harvest serves a SQLite archive of its own (the OAI-PMH
//   suites run on PostgreSQL in Vitest, resumption tokens included), sign-in-lock-admin writes a lock into
//   the file (the lock's rules run on PostgreSQL in Vitest's auth suites), and stepped-clock starts a
//   server of its own on a SQLite archive (its subject, Next's page cache and the clock, is the engine's
//   neither);
// - a11y and a11y-admin: what they check is the markup, the same on either engine, and every flow that
//   stays here renders the same pages from PostgreSQL (about three and a half minutes of CI).
const POSTGRES_READERS =
  /\/(browse|search|search-natural|cite|exports|api|api-description|metadata|hostile-input|recording|bundle|cache-addresses|filters-panel|headers|question-line)\.spec\.ts$/;
// two-servers starts a second app server on the same database: PostgreSQL's deployments may run several.
const POSTGRES_BACK_OFFICE =
  /\/(admin|archive-admin|cache-admin|concurrency-admin|two-servers|fuzz-admin|hostile-text-admin|import-admin|import-captions-admin|recording-admin|csp-admin|frame-admin|security)\.spec\.ts$/;
/** Specs about what only a database server allows (two app servers on one database). */
const POSTGRES_ONLY = /\/two-servers\.spec\.ts$/;
const desktop = { ...devices['Desktop Chrome'], channel: undefined };
const SERVER_ENV = {
  PORT: String(PORT),
  // The tests stand in for a reverse proxy on 127.0.0.1: a test that sends X-Forwarded-For gets a
  // client address (and a rate-limit bucket) of its own. The many requests every other spec sends
  // from 127.0.0.1 itself are exempt from the rate limits, which keep their real defaults.
  TRUSTED_PROXIES: '127.0.0.1/32',
  RATE_LIMIT_EXEMPT: '127.0.0.1',
};

export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  // CI retries a failed test once: a browser suite of ~470 tests on a 2-core machine met one timing
  // flake per few runs, and one flake skipped every back-office test behind it. A test that fails
  // twice still fails the run, and the list reporter names every test that needed its retry
  // ("flaky"), so a flake is seen and fixed rather than hidden. Locally there is no retry.
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    trace: 'retain-on-failure',
    launchOptions: {
      executablePath: chromium,
      args: CHROMIUM_FLAGS,
    },
  },
  projects: ON_POSTGRES
    ? [
        { name: 'postgresql-readers', testMatch: POSTGRES_READERS, use: desktop },
        { name: 'postgresql-back-office', testMatch: POSTGRES_BACK_OFFICE, dependencies: ['postgresql-readers'], use: desktop },
      ]
    : [
        // Readers' tests see the seeded archive as it is; the back office's tests change it, so they run after.
        { name: 'desktop', testIgnore: [BACK_OFFICE, POSTGRES_ONLY], use: desktop },
        { name: 'phone', testIgnore: [BACK_OFFICE, POSTGRES_ONLY], use: { ...devices['Pixel 7'], channel: undefined }, grep: /@phone/ },
        { name: 'back-office', testMatch: BACK_OFFICE, dependencies: ['desktop', 'phone'], use: desktop },
      ],
  webServer: ON_POSTGRES
    ? {
        // A throwaway PostgreSQL server and the app on it, through the same start path (see the support file).
        command:
          'mkdir -p data && tsx --import ./scripts/server-side.mjs tests/e2e/support/postgres-app.ts | tee data/e2e-postgres-server.log | grep --line-buffered -v \'"msg":"request"\'',
        url: `http://127.0.0.1:${PORT}/`,
        env: SERVER_ENV,
        // SIGTERM first (Playwright's default is SIGKILL): the support file then stops its PostgreSQL
        // server, which otherwise outlived every run. Its data directory may still be left in /tmp:
        // the shell of this pipeline exits at once, and Playwright then kills the rest before it is removed.
        gracefulShutdown: { signal: 'SIGTERM', timeout: 10_000 },
        reuseExistingServer: false,
        timeout: 300_000,
        stdout: 'pipe',
      }
    : {
        // A database made anew for every run, through the same start path a reader's `npm start` takes.
        // The server's log is kept too: tests/e2e/headers.spec.ts finds its request ids in it. Its
        // thousands of per-request lines stay in the file; the test output shows the rest (build, errors).
        command:
          'mkdir -p data && rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm data/e2e-server.log && tsx --import ./scripts/server-side.mjs scripts/start.ts | tee data/e2e-server.log | grep --line-buffered -v \'"msg":"request"\'',
        url: `http://127.0.0.1:${PORT}/`,
        env: { ...SERVER_ENV, DATABASE_URL: 'file:./data/e2e.db' },
        reuseExistingServer: !process.env.CI,
        timeout: 300_000,
        stdout: 'pipe',
      },
});
