// The auth secret on PostgreSQL: app servers share the database and nothing else, so the generated
// secret lives in the database. The first call makes it; a later start (its writer closed and a new
// one opened, as another server would) reads the same one back; BETTER_AUTH_SECRET still wins and then
// nothing is stored; a stored secret too short to sign with is refused.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_TABLE, resolveAuthSecret } from '@/lib/auth/secret';
import { closeWriters, migratePostgres, openWriter } from '@/lib/db';
import { startPostgres, type PostgresServer } from '@/tests/support/postgres-server';

let server: PostgresServer;
let databases = 0;

async function freshDatabase(): Promise<string> {
  const name = `secret_${++databases}`;
  server.admin(`CREATE DATABASE ${name}`);
  await migratePostgres(server.url(name));
  return server.url(name);
}

/** Reads through a connection of the test's own, as a second app server would. */
function query(url: string, sql: string): unknown[] {
  const writer = openWriter(url);
  try {
    return writer.write((db) => db.prepare(sql).all());
  } finally {
    writer.close();
  }
}

beforeAll(async () => {
  server = await startPostgres();
}, 60_000);
afterEach(() => closeWriters());
afterAll(() => server?.stop());

describe('resolveAuthSecret on PostgreSQL', () => {
  it('generates a secret once, in the database, and every later start reads the same one', async () => {
    const url = await freshDatabase();
    const first = resolveAuthSecret(url, {});
    expect(first.length).toBeGreaterThanOrEqual(32);
    closeWriters();
    expect(resolveAuthSecret(url, { BETTER_AUTH_SECRET: '' })).toBe(first);
    expect(query(url, `SELECT secret FROM ${SECRET_TABLE}`)).toEqual([{ secret: first }]);
  }, 60_000);

  it('uses BETTER_AUTH_SECRET when set, and stores nothing', async () => {
    const url = await freshDatabase();
    const secret = 'p'.repeat(40);
    expect(resolveAuthSecret(url, { BETTER_AUTH_SECRET: secret })).toBe(secret);
    expect(query(url, `SELECT to_regclass('${SECRET_TABLE}') IS NULL AS missing`)).toEqual([{ missing: 1 }]); // booleans come back as SQLite gives them
  }, 60_000);

  it('refuses a stored secret shorter than 32 characters', async () => {
    const url = await freshDatabase();
    resolveAuthSecret(url, {});
    closeWriters();
    query(url, `UPDATE ${SECRET_TABLE} SET secret = 'short' RETURNING id`);
    expect(() => resolveAuthSecret(url, {})).toThrow(/delete its row/);
  }, 60_000);
});
