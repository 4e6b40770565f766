// Builds a Prisma client for one SQLite file (lib/db/prisma.ts picks the engine).
import 'server-only';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { databaseFilePath } from './database-file';

export function createSqlitePrismaClient(databaseUrl: string): PrismaClient {
  // A busy timeout makes a writer wait for the lock instead of failing at once.
  const adapter = new PrismaBetterSqlite3({ url: `file:${databaseFilePath(databaseUrl)}`, timeout: 5000 });
  return new PrismaClient({ adapter });
}
