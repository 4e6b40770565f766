// A search thread's entry (search-threads.ts starts it by path, unbundled, as lib/db's workers are).
// The search modules are the project's TypeScript: tsx compiles them here as `npm start` does, and
// 'server-only' resolves as on Next's server (scripts/server-side-hooks.mjs).
import { register } from 'node:module';
import { tsImport } from 'tsx/esm/api';

register('../../../scripts/server-side-hooks.mjs', import.meta.url);
await tsImport('./search-thread.ts', import.meta.url);
