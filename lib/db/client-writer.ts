// The writer of the database a Prisma client reads, for the callers that hold a client (the seed,
// account creation, the test factories): their writes then go through the one serialized writer, not
// through Prisma's own transactions (on SQLite DEFERRED ones, prisma/orm#29933, see sqlite/writer.ts).
import 'server-only';
import { postgresUrlOf } from './prisma';
import type { QueryDb } from './query';
import { withWriter, type Writer } from './writer';

/**
 * What the client's writer is named by: the absolute path of its SQLite file, as SQLite names it, or
 * the URL a PostgreSQL client was created with (createPrismaClient remembers it).
 */
export async function databaseFileOf(client: QueryDb): Promise<string> {
  const url = postgresUrlOf(client);
  if (url) return url;
  const rows = await client.$queryRaw<{ file: string }[]>`SELECT file FROM pragma_database_list WHERE name = 'main'`;
  const file = rows[0]?.file;
  if (!file) throw new Error('The database is not a file: there is no writer for it.');
  return file;
}

/** Whether `target` is a Writer (rather than a Prisma client). */
export function isWriter(target: unknown): target is Writer {
  return typeof target === 'object' && target !== null && typeof (target as Writer).write === 'function' && 'db' in target;
}

/** `target` itself when it is a writer; else the shared writer of the database a Prisma client reads. */
export async function sharedWriterFor(target: QueryDb | Writer): Promise<Writer> {
  return isWriter(target) ? target : withWriter(await databaseFileOf(target));
}
