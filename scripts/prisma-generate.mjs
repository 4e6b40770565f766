// Runs `prisma generate` on any machine, for both engines. The Prisma CLI refuses to generate until
// it finds its native schema engine, which it downloads from Prisma's own server; where that server
// is out of reach (these machines reach only the npm registry), generation itself never runs the
// engine, so pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing file lets the check pass. Where the
// engine downloads fine, or a real binary is named already, nothing is changed.
//
// One data model, two engines: the folder prisma/schema/ is the model (SQLite's); PostgreSQL's
// prisma/postgresql/schema/ is derived from it here, file by file (provider and output differ,
// nothing else), and each gets its own generated client, because Prisma's client is built for one
// provider.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { postgresSchemaOf } from './postgres-schema.mjs';
import { POSTGRES_SCHEMA_DIR, SQLITE_SCHEMA_DIR, readSchemaFiles, schemaFileNames } from './schema-files.mjs';

const require = createRequire(import.meta.url);
const prismaCli = join(dirname(require.resolve('prisma/package.json')), 'build', 'index.js');
const root = join(dirname(new URL(import.meta.url).pathname), '..');

const sqliteSchema = join(root, SQLITE_SCHEMA_DIR);
const postgresSchema = join(root, POSTGRES_SCHEMA_DIR);

/** Writes PostgreSQL's folder from SQLite's: only files whose text changed, and none left over from a removed one. */
function derivePostgresSchema() {
  mkdirSync(postgresSchema, { recursive: true });
  const derived = postgresSchemaOf(readSchemaFiles(SQLITE_SCHEMA_DIR));
  for (const [name, text] of derived) {
    const file = join(postgresSchema, name);
    if (!existsSync(file) || readFileSync(file, 'utf8') !== text) writeFileSync(file, text);
  }
  const names = new Set(derived.map(([name]) => name));
  for (const stale of schemaFileNames(POSTGRES_SCHEMA_DIR).filter((name) => !names.has(name))) rmSync(join(postgresSchema, stale));
}
derivePostgresSchema();

function generate(schema, env) {
  return spawnSync(process.execPath, [prismaCli, 'generate', '--schema', schema], { stdio: 'pipe', env, encoding: 'utf8', cwd: root });
}

function generateAnywhere(schema) {
  let result = generate(schema, process.env);
  if (result.status !== 0 && !process.env.PRISMA_SCHEMA_ENGINE_BINARY) {
    // The CLI only checks that this file exists; `generate` does not execute it.
    const standIn = process.execPath;
    if (existsSync(standIn)) {
      console.log('prisma generate: schema engine unavailable here; generating without it.');
      result = generate(schema, { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: standIn });
    }
  }
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  return result.status ?? 1;
}

for (const schema of [sqliteSchema, postgresSchema]) {
  const status = generateAnywhere(schema);
  if (status !== 0) process.exit(status);
}
