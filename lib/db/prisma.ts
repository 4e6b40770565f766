// A Prisma client for DATABASE_URL's engine; shared by the app, the scripts and the tests.
import 'server-only';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { engineOf } from './engine';
import { createPostgresPrismaClient } from './postgres/prisma';
import { createSqlitePrismaClient } from './sqlite/prisma';

/**
 * The PostgreSQL URL each client was made for. SQLite names its file itself (pragma_database_list);
 * PostgreSQL has no such answer that is also a URL to connect to, so the writer of a client's
 * database (client-writer.ts) looks it up here.
 */
// On globalThis: a hot reload in development runs this module again but keeps the cached client (client.ts).
const globalForUrls = globalThis as unknown as Record<symbol, WeakMap<object, string> | undefined>;
const URLS = Symbol.for('interview-archive.postgres-client-urls');
const postgresUrls = (globalForUrls[URLS] ??= new WeakMap<object, string>());

export function createPrismaClient(databaseUrl: string): PrismaClient {
  if (engineOf(databaseUrl) === 'sqlite') return createSqlitePrismaClient(databaseUrl);
  const client = createPostgresPrismaClient(databaseUrl);
  postgresUrls.set(client, databaseUrl);
  return client;
}

/** The PostgreSQL URL a client of createPrismaClient was made for; undefined for SQLite and other clients. */
export function postgresUrlOf(client: object): string | undefined {
  return postgresUrls.get(client);
}
