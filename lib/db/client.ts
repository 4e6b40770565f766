// The one Prisma client of the app, on SQLite through the better-sqlite3 driver adapter.
import 'server-only';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';
import { createPrismaClient } from './create-client';

// Cached on globalThis so that hot reloading in development does not open a connection per edit.
const globalForPrisma = globalThis as unknown as { prisma?: PrismaClient };

export const prisma: PrismaClient = globalForPrisma.prisma ?? createPrismaClient(env.DATABASE_URL);
if (process.env.NODE_ENV !== 'production') globalForPrisma.prisma = prisma;

