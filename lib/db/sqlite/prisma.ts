// Builds a Prisma client for one SQLite file; shared by the app, the scripts and the tests.
import 'server-only';
import { PrismaBetterSqlite3 } from '@prisma/adapter-better-sqlite3';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { databaseFilePath } from './database-file';

export function createPrismaClient(databaseUrl: string): PrismaClient {
  // A busy timeout makes a writer wait for the lock instead of failing at once.
  const adapter = new PrismaBetterSqlite3({ url: `file:${databaseFilePath(databaseUrl)}`, timeout: 5000 });
  return new PrismaClient({ adapter });
}
