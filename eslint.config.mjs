import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

// ── One way to the database ──────────────────────────────────────────────────────────────────────
// Only lib/db opens a connection: everything else asks `@/lib/db` (scripts, bench) or
// `@/lib/db/client` (the app's shared ones). So the drivers, the Prisma adapters and a value import
// of PrismaClient (which is how one would `new` a client) are refused outside lib/db; type imports
// stay allowed, because a type opens nothing. Tests are exempt: they open raw connections on
// purpose, to play a second process holding the lock and to look at what the app wrote.
// tests/unit/lint-boundaries.test.ts proves the rule bites. This block owns
// `@typescript-eslint/no-restricted-imports`; a later block configuring the same rule for the same
// files would replace it (ESLint keeps the last), so add other import rules under another name.
const CONNECTION_MESSAGE = 'Only lib/db opens database connections: import what you need from @/lib/db (or @/lib/db/client in the app).';
const ENGINE_MESSAGE = "An engine's folder (lib/db/sqlite, lib/db/postgres) is private to lib/db: import what you need from @/lib/db.";
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
          // An engine's folder is lib/db's own: what the rest needs is named in lib/db/index.ts, so a
          // second engine is a second folder behind the same names, not edits across the tree.
          { group: ['@/lib/db/sqlite', '@/lib/db/sqlite/*', '@/lib/db/postgres', '@/lib/db/postgres/*'], message: ENGINE_MESSAGE },
        ],
      },
    ],
  },
};

// The layers import one way only: app/ → components/ → lib/. A route may use a component and a
// component may use lib/, never the reverse, so a module can be read and tested without the layers
// above it (architecture.md). Server actions a component needs come in as props, or the form lives
// beside its actions in the route's _components/ folder.
const routeGroupZones = (groups) =>
  groups.flatMap((target) =>
    groups
      .filter((from) => from !== target)
      .map((from) => ({
        target: `./app/${target}`,
        from: `./app/${from}`,
        message: `app/${target} must not import from the sibling route group app/${from}: move what they share to components/ or lib/.`,
      })),
  );

const importDirection = {
  files: ['app/**', 'components/**', 'lib/**'],
  rules: {
    'import/no-restricted-paths': [
      'error',
      {
        zones: [
          { target: './lib', from: './app', message: 'lib/ must not import from app/ (the layers go app → components → lib).' },
          { target: './lib', from: './components', message: 'lib/ must not import from components/ (the layers go app → components → lib).' },
          {
            target: './components',
            from: './app',
            message:
              "components/ must not import from app/: pass the server action in as a prop, or move the form beside its action in the route's _components/.",
          },
          // Route groups are siblings: what two of them share belongs in components/ or lib/.
          ...routeGroupZones(['(admin)', '(auth)', '(public)']),
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
  importDirection,
  globalIgnores(['.next/**', 'lib/generated/**', 'next-env.d.ts', 'tests/.tmp/**', 'test-results/**', 'playwright-report/**', 'data/**']),
]);
