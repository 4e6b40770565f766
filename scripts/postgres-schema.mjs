// PostgreSQL's schema, derived from SQLite's: the same models, another provider, its own generated
// client. Kept as files (prisma/postgresql/schema/, the same file names as prisma/schema/) so that
// Prisma's tools can read them; tests/unit/db/postgres-schema.test.ts proves the files are this
// derivation, so the two never drift.
const header = (name) => `// DERIVED from ../../schema/${name} by scripts/postgres-schema.mjs (npm run db:generate): edit that file, not this one.
`;

/** The file that holds the generator and the datasource: the only one whose body changes. */
export const MAIN_SCHEMA_FILE = 'schema.prisma';

/**
 * PostgreSQL's version of one file of SQLite's schema folder.
 * @param {string} name
 * @param {string} sqliteText
 * @returns {string}
 */
export function postgresSchemaFileOf(name, sqliteText) {
  if (name !== MAIN_SCHEMA_FILE) return header(name) + sqliteText;
  const replaced = sqliteText
    .replace('output       = "../../lib/generated/prisma"', 'output       = "../../../lib/generated/prisma-postgresql"')
    .replace(/datasource db \{\n  provider = "sqlite"\n\}/, 'datasource db {\n  provider = "postgresql"\n}');
  if (!replaced.includes('prisma-postgresql') || !replaced.includes('provider = "postgresql"')) {
    throw new Error(
      `prisma/schema/${MAIN_SCHEMA_FILE} no longer has the generator output or datasource this derivation expects: update scripts/postgres-schema.mjs.`,
    );
  }
  return header(name) + replaced;
}

/**
 * PostgreSQL's schema folder from SQLite's, both as [name, text] pairs.
 * @param {[string, string][]} sqliteFiles
 * @returns {[string, string][]}
 */
export function postgresSchemaOf(sqliteFiles) {
  return sqliteFiles.map(([name, text]) => /** @type {[string, string]} */ ([name, postgresSchemaFileOf(name, text)]));
}
