// Builds a Prisma client for a PostgreSQL database. Prisma's client is generated for one provider,
// so PostgreSQL has its own (lib/generated/prisma-postgresql, from prisma/postgresql/schema/, which
// is derived from the one data model). Its models and methods are the same as SQLite's client's,
// so the rest of the app keeps one PrismaClient type.
import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { PrismaClient as PostgresPrismaClient } from '@/lib/generated/prisma-postgresql/client';
import { withoutNul } from './lookup-values';
import { toPostgres } from './translate';

export function createPostgresPrismaClient(databaseUrl: string): PrismaClient {
  const adapter = new PrismaPg({ connectionString: databaseUrl });
  const client = new PostgresPrismaClient({ adapter });
  // Raw statements are written in the shared dialect (translate.ts): their mixed-case names are quoted
  // here, so `prisma.$queryRaw` reads the same rows on both engines. Still a PrismaPromise, so it
  // keeps working inside `$transaction([...])`.
  client.$queryRaw = ((query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
    const sql = query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values);
    return client.$queryRawUnsafe(toPostgres(sql.text, { numberPlaceholders: false }), ...withoutNul(sql.values));
  }) as typeof client.$queryRaw;
  // A NUL in a lookup (lookup-values.ts) is read as U+FFFD, in every model query's arguments.
  const lookingUp = client.$extends({
    query: {
      $allOperations({ args, query }) {
        return query(withoutNul(args));
      },
    },
  });
  // The two generated clients differ only in provider: same models, fields and methods.
  return lookingUp as unknown as PrismaClient;
}
