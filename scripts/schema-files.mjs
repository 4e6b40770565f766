// Where the data model lives and how to read it. Prisma's multi-file layout: a folder of .prisma
// files, one per area (schema.prisma holds the generator and the datasource), that Prisma reads as
// one schema. SQLite's folder is the model; PostgreSQL's is derived from it file by file
// (scripts/postgres-schema.mjs). Every reader of the model goes through here, so a new file in the
// folder reaches generation, the derivation, the schema comparisons and the build's freshness check.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = join(dirname(new URL(import.meta.url).pathname), '..');

/** The folders, relative to the repository's root. */
export const SQLITE_SCHEMA_DIR = 'prisma/schema';
export const POSTGRES_SCHEMA_DIR = 'prisma/postgresql/schema';

/**
 * The folder's .prisma file names, sorted so that every reader sees them in one order.
 * @param {string} dir
 * @returns {string[]}
 */
export function schemaFileNames(dir) {
  return readdirSync(join(root, dir))
    .filter((name) => name.endsWith('.prisma'))
    .sort();
}

/**
 * Every file of the folder as [name, text]: the shape Prisma's schema parser (get_dmmf) takes.
 * @param {string} dir
 * @returns {[string, string][]}
 */
export function readSchemaFiles(dir) {
  return schemaFileNames(dir).map((name) => /** @type {[string, string]} */ ([name, readFileSync(join(root, dir, name), 'utf8')]));
}
