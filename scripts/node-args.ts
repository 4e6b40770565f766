// How a test or a script starts another Node process on the server's TypeScript: through tsx, with
// the 'server-only' hook of scripts/server-side.mjs, as `npm run <script>` does.
import { fileURLToPath } from 'node:url';

/** The hook's absolute path, for `tsx --import <it>` from any working directory. */
export const SERVER_SIDE_HOOK = fileURLToPath(new URL('./server-side.mjs', import.meta.url));

/** Node arguments before a script's path: `spawn(process.execPath, [...SCRIPT_NODE_ARGS, 'scripts/x.ts'])`. */
export const SCRIPT_NODE_ARGS = ['--import', 'tsx', '--import', SERVER_SIDE_HOOK];
