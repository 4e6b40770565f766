// The app's own connections to DATABASE_URL: the Prisma client and the read-only reader that search
// uses. Server code only; scripts and tests open theirs through `@/lib/db` (createPrismaClient,
// openReader) on the file they name.
import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';
import { engineOf } from './engine';
import { openPostgresReader } from './postgres/reader';
import { databaseFilePath } from './sqlite/database-file';
import { createPrismaClient } from './prisma';
import { openReader, type Reader } from './sqlite/reader';

// Cached on globalThis so that hot reloading in development does not open a connection per edit.
const globalForDb = globalThis as unknown as { prisma?: PrismaClient; reader?: Reader };

export const prisma: PrismaClient = globalForDb.prisma ?? createPrismaClient(env.DATABASE_URL);
if (process.env.NODE_ENV !== 'production') globalForDb.prisma = prisma;

/** The process's read connection for search, opened on first use: SQLite's read-only file, PostgreSQL's pool. */
export function reader(): Reader {
  globalForDb.reader ??= engineOf(env.DATABASE_URL) === 'postgresql' ? openPostgresReader(env.DATABASE_URL) : openReader(databaseFilePath(env.DATABASE_URL));
  return globalForDb.reader;
}
