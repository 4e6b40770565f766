// PostgreSQL's schema.prisma, derived from SQLite's: the same models, another provider, its own
// generated client. Kept as a file (prisma/postgresql/schema.prisma) so that Prisma's tools can read
// it; tests/unit/db/postgres-schema.test.ts proves the file is this derivation, so the two never drift.
const HEADER = `// DERIVED from ../schema.prisma by scripts/postgres-schema.mjs (npm run db:generate): edit that file, not this one.
`;

export function postgresSchemaOf(sqliteSchema) {
  const replaced = sqliteSchema
    .replace('output       = "../lib/generated/prisma"', 'output       = "../../lib/generated/prisma-postgresql"')
    .replace(/datasource db \{\n  provider = "sqlite"\n\}/, 'datasource db {\n  provider = "postgresql"\n}');
  if (!replaced.includes('prisma-postgresql') || !replaced.includes('provider = "postgresql"')) {
    throw new Error('prisma/schema.prisma no longer has the generator output or datasource this derivation expects: update scripts/postgres-schema.mjs.');
  }
  return HEADER + replaced;
}
