// One throwaway PostgreSQL server for a test file: started before the file's tests, stopped after
// them (its afterAll is registered first, so it runs after the file's own, which close their
// connections), with fresh databases on it: empty, holding a copy of the seeded SQLite archive this
// file's DATABASE_URL names (archive:migrate's own copy), migrated and seeded on PostgreSQL itself, or
// cloned from one of these.
import { afterAll, beforeAll } from 'vitest';
import { copySqliteToPostgres, databaseFilePath, migratePostgres } from '@/lib/db';
import { startPostgres, type PostgresServer } from './postgres-server';
import { seedDatabase } from './seed-database';

export interface ThrowawayPostgres {
  /** The running server (inside tests and hooks). */
  readonly server: PostgresServer;
  /** A new, empty database: its address. */
  freshDatabase(): string;
  /** A new database holding the seeded archive: its address. */
  seededDatabase(): Promise<string>;
  /** A new database migrated by migratePostgres and seeded by the seed's own path: its address. */
  migratedSeededDatabase(): Promise<string>;
  /** A new database cloned from the one at this address (CREATE DATABASE … TEMPLATE: nobody may be connected to that one): its address. */
  copyOf(url: string): string;
}

/** Call at the top level of a test file; `prefix` names its databases. */
export function throwawayPostgres(prefix: string): ThrowawayPostgres {
  let server: PostgresServer | undefined;
  let databases = 0;
  beforeAll(async () => {
    server = await startPostgres();
  }, 60_000);
  afterAll(() => server?.stop());
  const running = () => {
    if (!server) throw new Error('The throwaway PostgreSQL server is not running (use it inside tests and hooks).');
    return server;
  };
  const createDatabase = (template?: string) => {
    const name = `${prefix}_${++databases}`;
    running().admin(template ? `CREATE DATABASE ${name} TEMPLATE ${template}` : `CREATE DATABASE ${name}`);
    return running().url(name);
  };
  const freshDatabase = () => createDatabase();
  return {
    get server() {
      return running();
    },
    freshDatabase,
    async seededDatabase() {
      const url = freshDatabase();
      await copySqliteToPostgres(databaseFilePath(process.env.DATABASE_URL!), url);
      return url;
    },
    async migratedSeededDatabase() {
      const url = freshDatabase();
      await migratePostgres(url);
      await seedDatabase(url);
      return url;
    },
    copyOf(url) {
      return createDatabase(new URL(url).pathname.slice(1));
    },
  };
}
