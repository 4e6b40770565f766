// Builds a Prisma client for a PostgreSQL database. Prisma's client is generated for one provider,
// so PostgreSQL has its own (lib/generated/prisma-postgresql, from prisma/postgresql/schema.prisma,
// which is derived from the one data model). Its models and methods are the same as SQLite's client's,
// so the rest of the app keeps one PrismaClient type.
import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { PrismaClient as PostgresPrismaClient } from '@/lib/generated/prisma-postgresql/client';

export function createPostgresPrismaClient(databaseUrl: string): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl });
  // The two generated clients differ only in provider: same models, fields and methods.
  return new PostgresPrismaClient({ adapter }) as unknown as PrismaClient;
}
