// prisma/postgresql/schema/ is derived from prisma/schema/ (scripts/postgres-schema.mjs), file by
// file: the committed files must be that derivation, so the two engines' models can never drift apart.
import { describe, expect, it } from 'vitest';
import { MAIN_SCHEMA_FILE, postgresSchemaOf } from '@/scripts/postgres-schema.mjs';
import { POSTGRES_SCHEMA_DIR, SQLITE_SCHEMA_DIR, readSchemaFiles } from '@/scripts/schema-files.mjs';

const sqliteFiles = readSchemaFiles(SQLITE_SCHEMA_DIR);
const postgresFiles = readSchemaFiles(POSTGRES_SCHEMA_DIR);

describe("PostgreSQL's schema folder", () => {
  it('is the SQLite data model, file by file, with only the provider and the client folder changed', () => {
    expect(postgresFiles.map(([name]) => name)).toEqual(sqliteFiles.map(([name]) => name));
    expect(postgresFiles).toEqual(postgresSchemaOf(sqliteFiles));
  });

  it('names PostgreSQL as its provider and its own generated client', () => {
    const main = new Map(postgresFiles).get(MAIN_SCHEMA_FILE) ?? '';
    expect(main).toMatch(/datasource db \{\n {2}provider = "postgresql"\n\}/);
    expect(main).toContain('output       = "../../../lib/generated/prisma-postgresql"');
    for (const [, text] of postgresFiles) expect(text).not.toContain('"sqlite"');
  });

  it('keeps every other file as SQLite wrote it, under a line that says where it comes from', () => {
    const sqlite = new Map(sqliteFiles);
    for (const [name, text] of postgresFiles.filter(([file]) => file !== MAIN_SCHEMA_FILE)) {
      expect(text).toBe(
        `// DERIVED from ../../schema/${name} by scripts/postgres-schema.mjs (npm run db:generate): edit that file, not this one.\n${sqlite.get(name)}`,
      );
    }
  });
});
