// Unit and integration tests: real SQLite files and a real PostgreSQL server, no mocked database.
// Browser tests are Playwright's. Two projects: `sqlite` runs every test; `postgresql` runs the suites
// that reach the database through lib/db again on a throwaway PostgreSQL server (global-setup.ts).
// TEST_ENGINES=sqlite (or postgresql) runs one of them, for speed while developing.
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

/**
 * The suites that run on PostgreSQL as well: those that reach the database through lib/db without
 * depending on one engine's internals. Not here: suites about SQLite itself (FTS5 triggers, files,
 * backups of a file, ranking lists, sqlite-vec's index); the PostgreSQL-specific tests (postgres-*.test.ts) start their own servers in the sqlite project.
 */
const POSTGRES_SUITES = process.env.PG_TRY
  ? process.env.PG_TRY.split(',')
  : [
      'tests/integration/data/**/*.test.ts',
      'tests/integration/editorial/**/*.test.ts',
      'tests/integration/cache/**/*.test.ts',
      'tests/integration/import/**/*.test.ts',
      'tests/integration/auth/**/*.test.ts',
      'tests/integration/search/{api,question-context,unicode,ranking-weights,relaxed-cost,hybrid,vectors,ranking,language,natural,filters,document-and-similar,visibility,entity-triggers}.test.ts',
      'tests/integration/{api,citations,discovery,exports,feeds,media,oai,structured-data}/**/*.test.ts',
      'tests/integration/bench/relevance-both-engines.test.ts',
    ];

const engines = (process.env.TEST_ENGINES ?? 'sqlite,postgresql').split(',').map((name) => name.trim());

const project = (name: 'sqlite' | 'postgresql', include: string[]) => ({
  extends: true as const,
  test: {
    name,
    include,
    env: { TEST_ENGINE: name },
    globalSetup: ['tests/support/global-setup.ts'],
    setupFiles: ['tests/support/per-file-database.ts', 'tests/support/fast-check-seed.ts'],
  },
});

export default defineConfig({
  resolve: {
    alias: {
      '@': path.resolve(import.meta.dirname),
      // 'server-only' throws outside a React Server Component bundle; the data layer is tested here directly.
      'server-only': path.resolve(import.meta.dirname, 'tests/support/server-only-stub.ts'),
    },
  },
  test: {
    projects: [project('sqlite', ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts']), project('postgresql', POSTGRES_SUITES)].filter((p) =>
      engines.includes(p.test.name),
    ),
    pool: 'forks',
    // As many test files at once as there are cores, not Vitest's cores - 1: most files wait on
    // PostgreSQL servers, child processes and the disk, so on this 2-core machine two at once take
    // 747 s where one at a time took 985 s.
    maxWorkers: availableParallelism(),
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
