// prisma/postgresql/schema.prisma is derived from prisma/schema.prisma (scripts/postgres-schema.mjs):
// the committed file must be that derivation, so the two engines' models can never drift apart.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { postgresSchemaOf } from '@/scripts/postgres-schema.mjs';

const root = path.resolve(import.meta.dirname, '../../..');
const read = (file: string) => readFileSync(path.join(root, file), 'utf8');

describe("PostgreSQL's schema.prisma", () => {
  it('is the SQLite data model with only the provider and the client folder changed', () => {
    expect(read('prisma/postgresql/schema.prisma')).toBe(postgresSchemaOf(read('prisma/schema.prisma')));
  });

  it('names PostgreSQL as its provider and its own generated client', () => {
    const schema = read('prisma/postgresql/schema.prisma');
    expect(schema).toMatch(/datasource db \{\n {2}provider = "postgresql"\n\}/);
    expect(schema).toContain('output       = "../../lib/generated/prisma-postgresql"');
    expect(schema).not.toContain('"sqlite"');
  });
});
