// The lint rule that keeps every database connection inside lib/db (eslint.config.mjs), run through
// ESLint's own API on the project's real configuration: a driver or a PrismaClient value imported
// outside lib/db is an error, the same code inside lib/db is not, and a type import is fine anywhere.
import path from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: path.resolve(import.meta.dirname, '../../..') });
const RULE = '@typescript-eslint/no-restricted-imports';

async function restrictedImports(code: string, filePath: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result.messages.filter((m) => m.ruleId === RULE).map((m) => m.message);
}

const openers: [string, string][] = [
  ['better-sqlite3', "import Database from 'better-sqlite3';\nexport const db = new Database('x.db');\n"],
  ['the Prisma adapter', "import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';\nexport const adapter = PrismaBetterSqlite3;\n"],
  ['pg', "import { Pool } from 'pg';\nexport const pool = new Pool();\n"],
  ['a PrismaClient value', "import { PrismaClient } from '@/lib/generated/prisma/client';\nexport const client = new PrismaClient();\n"],
];

describe('only lib/db opens a database connection', () => {
  it.each(openers)('refuses %s outside lib/db, naming where to go instead', async (_name, code) => {
    for (const filePath of ['lib/data/x.ts', 'app/api/v1/x/route.ts', 'scripts/x.ts', 'components/x.tsx', 'bench/x.ts']) {
      const messages = await restrictedImports(code, filePath);
      expect(messages, filePath).toHaveLength(1);
      expect(messages[0], filePath).toContain('Only lib/db opens database connections');
    }
  });

  it.each(openers)('allows %s inside lib/db', async (_name, code) => {
    expect(await restrictedImports(code, 'lib/db/sqlite/x.ts')).toEqual([]);
  });

  it('allows type imports anywhere, and the Prisma namespace (SQL fragments, errors)', async () => {
    const code = [
      "import type Database from 'better-sqlite3';",
      "import type { PrismaClient } from '@/lib/generated/prisma/client';",
      "import { Prisma } from '@/lib/generated/prisma/client';",
      'export type T = [Database.Database, PrismaClient, typeof Prisma];',
      '',
    ].join('\n');
    expect(await restrictedImports(code, 'lib/data/x.ts')).toEqual([]);
  });

  it("refuses an engine's own folder outside lib/db, and allows it inside", async () => {
    const code = "import { termImpactReading } from '@/lib/db/sqlite/term-impacts';\nexport const r = termImpactReading;\n";
    for (const filePath of ['lib/search/top-k/x.ts', 'app/api/v1/x/route.ts', 'scripts/x.ts']) {
      const messages = await restrictedImports(code, filePath);
      expect(messages, filePath).toHaveLength(1);
      expect(messages[0], filePath).toContain('private to lib/db');
    }
    expect(await restrictedImports(code, 'lib/db/index.ts')).toEqual([]);
  });

  it('passes the way the rest of lib/ is meant to go', async () => {
    const code = "import { openReader, write } from '@/lib/db';\nimport { prisma } from '@/lib/db/client';\nexport const all = [openReader, write, prisma];\n";
    expect(await restrictedImports(code, 'lib/data/x.ts')).toEqual([]);
  });
});
