// Preloaded into every process that runs the server's code outside Next: `tsx --import ./scripts/server-side.mjs`
// (package.json), and the processes tests spawn (scripts/node-args.ts). Server modules start with
// `import 'server-only'`, whose plain entry throws so that a client bundle importing one fails to build;
// Next resolves it under the "react-server" condition to an empty module. A script is server code too,
// so the hook below resolves 'server-only' the way Next's server does, and nothing else. `next build`
// and `next start` never load this file: they keep the real check.
import { register } from 'node:module';

register('./server-side-hooks.mjs', import.meta.url);
