// The database the browser tests' server runs on, for the specs that reach it from outside the app
// (accounts made with `npm run admin:create`, a CLI import, a look at what a save stored): SQLite's
// file by default, or, with E2E_ENGINE=postgresql, the throwaway PostgreSQL database
// tests/e2e/support/postgres-app.ts made and named in E2E_POSTGRES_URL_FILE.
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { SCRIPT_NODE_ARGS } from '@/scripts/node-args';

export const E2E_POSTGRES_URL_FILE = 'data/e2e-postgres.url';

export const onPostgres = () => process.env.E2E_ENGINE === 'postgresql';

export function e2eDatabaseUrl(): string {
  return onPostgres() ? readFileSync(E2E_POSTGRES_URL_FILE, 'utf8').trim() : 'file:./data/e2e.db';
}

// ---------------------------------------------------------------------------------------------
// Reading it: statements in the dialect both engines share (lib/db/postgres/translate.ts: names in
// their schema case, `?` for values), answered by lib/db's read-only reader in a child process
// (tests/support/e2e-database-reader.ts). The spec never opens a connection of its own, so the same
// look works on SQLite's file and on PostgreSQL.

type Pending = { resolve: (rows: unknown[]) => void; reject: (error: Error) => void; sql: string };

let reader: { child: ChildProcessWithoutNullStreams; pending: Map<number, Pending> } | null = null;
let lastId = 0;

function startReader() {
  const child = spawn(process.execPath, [...SCRIPT_NODE_ARGS, 'tests/support/e2e-database-reader.ts', e2eDatabaseUrl()], { stdio: 'pipe' });
  const pending = new Map<number, Pending>();
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  createInterface({ input: child.stdout }).on('line', (line) => {
    const answer = JSON.parse(line) as { id: number; rows?: unknown[]; error?: string };
    const waiting = pending.get(answer.id);
    pending.delete(answer.id);
    if (answer.error !== undefined) waiting?.reject(new Error(`${answer.error}\n  in: ${waiting.sql}`));
    else waiting?.resolve(answer.rows ?? []);
  });
  child.on('exit', (code) => {
    for (const waiting of pending.values()) waiting.reject(new Error(`The e2e database reader stopped (${code}): ${stderr}`));
    pending.clear();
    if (reader?.child === child) reader = null;
  });
  // A worker that is done never waits for it: its input closing ends it.
  child.unref();
  return { child, pending };
}

/** The rows of one read-only statement on the e2e database. */
export function queryE2e<Row = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<Row[]> {
  reader ??= startReader();
  const { child, pending } = reader;
  const id = ++lastId;
  return new Promise<Row[]>((resolve, reject) => {
    pending.set(id, { resolve: resolve as (rows: unknown[]) => void, reject, sql });
    child.stdin.write(`${JSON.stringify({ id, sql, params })}\n`);
  });
}

/** The first row of a statement, or undefined. */
export async function queryOneE2e<Row = Record<string, unknown>>(sql: string, ...params: unknown[]): Promise<Row | undefined> {
  return (await queryE2e<Row>(sql, ...params))[0];
}

/** Ends the reader (a spec's afterAll): its connection is not left open on the database. */
export function closeE2eDatabase(): void {
  reader?.child.stdin.end();
  reader = null;
}
