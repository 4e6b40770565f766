// Loads .env, .env.local and .env.production(.local) into process.env the way `next` does, so the
// scripts and the custom server see the same settings as the app. It must be the FIRST import of a
// script: ES modules run in import order and lib/env.ts reads process.env when it is imported.
// @next/env is a bundled CommonJS module: Node's ESM loader sees only its default export.
import nextEnv from '@next/env';

// Production file set (the server and the tools act on real data); variables already set win.
nextEnv.loadEnvConfig(process.cwd(), false, { info: () => {}, error: console.error });
