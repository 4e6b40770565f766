// Runs `prisma generate` on any machine. The Prisma CLI refuses to generate until it finds its
// native schema engine, which it downloads from Prisma's own server; where that server is out of
// reach (these machines reach only the npm registry), generation itself never runs the engine, so
// pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file lets the check pass. Where the engine
// downloads fine, or a real binary is named already, nothing is changed.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);
const prismaCli = join(dirname(require.resolve('prisma/package.json')), 'build', 'index.js');

function generate(env) {
  return spawnSync(process.execPath, [prismaCli, 'generate'], { stdio: 'pipe', env, encoding: 'utf8' });
}

let result = generate(process.env);
if (result.status !== 0 && !process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
  // The CLI only checks that this file exists; `generate` does not execute it.
  const stand_in = process.execPath;
  if (existsSync(stand_in)) {
    console.log('prisma generate: schema engine unavailable here; generating without it.');
    result = generate({ ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stand_in });
  }
}
process.stdout.write(result.stdout ?? '');
process.stderr.write(result.stderr ?? '');
process.exit(result.status ?? 1);
