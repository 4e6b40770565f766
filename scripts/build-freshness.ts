// Decides whether the production build is missing or older than the sources it was built from.
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { SQLITE_SCHEMA_DIR } from './schema-files.mjs';

// The data model is a folder of .prisma files: a change to any of them changes the generated client.
const SOURCE_DIRS = ['app', 'components', 'lib', 'public', SQLITE_SCHEMA_DIR];
const SOURCE_FILES = ['next.config.js', 'package.json', 'package-lock.json', 'postcss.config.mjs', 'tsconfig.json'];

function newestMtime(target: string): number {
  if (!existsSync(target)) return 0;
  const stat = statSync(target);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(target)) newest = Math.max(newest, newestMtime(path.join(target, entry)));
  return newest;
}

export function buildIsStale(root: string = process.cwd()): boolean {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const sources = [...SOURCE_DIRS, ...SOURCE_FILES].map((p) => newestMtime(path.join(root, p)));
  return Math.max(...sources) > built;
}
