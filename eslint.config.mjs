import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTypescript from 'eslint-config-next/typescript';

// The layers import one way only: app/ → components/ → lib/. A route may use a component and a
// component may use lib/, never the reverse, so a module can be read and tested without the layers
// above it (architecture.md). Server actions a component needs come in as props, or the form lives
// beside its actions in the route's _components/ folder.
const routeGroupZones = (groups) =>
  groups.flatMap((target) =>
    groups
      .filter((from) => from !== target)
      .map((from) => ({ target: `./app/${target}`, from: `./app/${from}`, message: `app/${target} must not import from the sibling route group app/${from}: move what they share to components/ or lib/.` })),
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
          { target: './components', from: './app', message: 'components/ must not import from app/: pass the server action in as a prop, or move the form beside its action in the route\'s _components/.' },
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
  importDirection,
  globalIgnores(['.next/**', 'lib/generated/**', 'next-env.d.ts', 'tests/.tmp/**', 'test-results/**', 'playwright-report/**', 'data/**']),
]);
