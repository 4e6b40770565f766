import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

// ── One way to the database (issue #8) ──────────────────────────────────────────────────────────
// Only lib/db opens a connection: everything else asks `@/lib/db` (scripts, bench) or
// `@/lib/db/client` (the app's shared ones). So the drivers, the Prisma adapters and a value import
// of PrismaClient (which is how one would `new` a client) are refused outside lib/db; type imports
// stay allowed, because a type opens nothing. Tests are exempt: they open raw connections on
// purpose, to play a second process holding the lock and to look at what the app wrote.
// tests/unit/lint-boundaries.test.ts proves the rule bites. This block owns
// `@typescript-eslint/no-restricted-imports`; a later block configuring the same rule for the same
// files would replace it (ESLint keeps the last), so add other import rules under another name.
const CONNECTION_MESSAGE = 'Only lib/db opens database connections: import what you need from @/lib/db (or @/lib/db/client in the app).';
const connectionsOnlyInLibDb = {
  name: 'archive/connections-only-in-lib-db',
  files: ['**/*.{ts,tsx,js,jsx,mjs,cjs}'],
  ignores: ['lib/db/**', 'tests/**'],
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        paths: [
          { name: 'better-sqlite3', message: CONNECTION_MESSAGE, allowTypeImports: true },
          { name: 'pg', message: CONNECTION_MESSAGE, allowTypeImports: true },
          { name: '@prisma/client', importNames: ['PrismaClient'], message: CONNECTION_MESSAGE, allowTypeImports: true },
        ],
        patterns: [
          { group: ['@prisma/adapter-*'], message: CONNECTION_MESSAGE, allowTypeImports: true },
          { regex: 'generated/prisma/client$', importNames: ['PrismaClient'], message: CONNECTION_MESSAGE, allowTypeImports: true },
        ],
      },
    ],
  },
};

export default defineConfig([
  ...nextVitals,
  ...nextTypescript,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
    },
  },
  connectionsOnlyInLibDb,
  globalIgnores(['.next/**', 'lib/generated/**', 'next-env.d.ts', 'tests/.tmp/**', 'test-results/**', 'playwright-report/**', 'data/**']),
]);
