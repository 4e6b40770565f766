// The writer of the database a Prisma client reads, for the callers that hold a client (the seed,
// account creation, their tests): their writes then go through the one write path, not through
// Prisma's DEFERRED transactions (prisma/orm#29933, see writer.ts). No 'server-only': scripts use it.
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { Writer } from '@/lib/db';

/** The absolute path of the client's database file, as SQLite names it. */
export async function databaseFileOf(client: Pick<PrismaClient, '$queryRaw'>): Promise<string> {
  const rows = await client.$queryRaw<{ file: string }[]>`SELECT file FROM pragma_database_list WHERE name = 'main'`;
  const file = rows[0]?.file;
  if (!file) throw new Error('The database is not a file: there is no writer for it.');
  return file;
}

/** A Writer given as it is; a Prisma client as the path of its file. */
export function isWriter(target: unknown): target is Writer {
  return typeof target === 'object' && target !== null && typeof (target as Writer).write === 'function' && 'db' in target;
}
