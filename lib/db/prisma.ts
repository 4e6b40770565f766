// A Prisma client for DATABASE_URL's engine; shared by the app, the scripts and the tests.
import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { engineOf } from './engine';
import { createPostgresPrismaClient } from './postgres/prisma';
import { createSqlitePrismaClient } from './sqlite/prisma';

export function createPrismaClient(databaseUrl: string): PrismaClient {
  return engineOf(databaseUrl) === 'postgresql' ? createPostgresPrismaClient(databaseUrl) : createSqlitePrismaClient(databaseUrl);
}
