// Where a worker thread's entry file is: started by path, never bundled. A bundler would copy a file
// named by `new URL('./x.mjs', import.meta.url)` away from its imports, and in Next's server bundle
// `import.meta.url` is not the source's address, so the file is looked for under the working
// directory first (the project's root, where `npm start` runs), then beside the calling module.
import 'server-only';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The path of `name` in the project's `folder` (relative to the root), or beside the module at
 * `callerUrl` (its `import.meta.url`); throws, naming `what` and the places looked at, when neither has it.
 */
export function workerFile(folder: string, name: string, callerUrl: string, what: string): string {
  const candidates = [path.join(process.cwd(), folder, name)];
  if (callerUrl.startsWith('file:')) candidates.push(path.join(path.dirname(fileURLToPath(callerUrl)), name));
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error(`${what} is missing (looked for ${candidates.join(', ')}).`);
  return found;
}
