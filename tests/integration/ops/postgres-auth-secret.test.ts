// The auth secret on PostgreSQL: app servers share the database and nothing else, so the generated
// secret lives in the database. The first call makes it; a later start (its writer closed and a new
// one opened, as another server would) reads the same one back; BETTER_AUTH_SECRET still wins and then
// nothing is stored; a stored secret too short to sign with is refused.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { SECRET_TABLE, resolveAuthSecret } from '@/lib/auth/secret';
import { closeWriters, migratePostgres, openWriter } from '@/lib/db';
import { SCRIPT_NODE_ARGS } from '@/scripts/node-args';
import { startPostgres, type PostgresServer } from '@/tests/support/postgres-server';

const ROOT = path.resolve(import.meta.dirname, '../../..');

/** The secret an app server process starting on `url` resolves (fixtures/print-auth-secret.ts). */
function serverSecret(url: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...SCRIPT_NODE_ARGS, 'tests/integration/ops/fixtures/print-auth-secret.ts'], {
      cwd: ROOT,
      env: { ...process.env, DATABASE_URL: url, BETTER_AUTH_SECRET: '' },
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.stderr.on('data', (chunk) => (err += chunk));
    child.on('close', (code) => (code === 0 ? resolve(out.trim()) : reject(new Error(`exit ${code}: ${err}`))));
  });
}

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
    expect(query(url, `SELECT secret FROM ${SECRET_TABLE}`)).toEqual([]); // the migration made the table; nothing wrote a row
  }, 60_000);

  it('refuses a stored secret shorter than 32 characters', async () => {
    const url = await freshDatabase();
    resolveAuthSecret(url, {});
    closeWriters();
    query(url, `UPDATE ${SECRET_TABLE} SET secret = 'short' RETURNING id`);
    expect(() => resolveAuthSecret(url, {})).toThrow(/delete its row/);
  }, 60_000);

  it('gives app servers starting at the same moment one and the same secret', async () => {
    const url = await freshDatabase();
    const secrets = await Promise.all([1, 2, 3, 4].map(() => serverSecret(url)));
    expect(secrets[0]!.length).toBeGreaterThanOrEqual(32);
    expect(new Set(secrets).size).toBe(1);
    expect(query(url, `SELECT secret FROM ${SECRET_TABLE}`)).toEqual([{ secret: secrets[0] }]);
  }, 120_000);
});
