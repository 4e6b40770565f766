// A throwaway PostgreSQL server for tests and benchmarks: Debian's own server binaries, a fresh data
// folder in the system's temporary folder, a free loopback port, trust authentication for the one
// user `archive`, and durability settings off (a test's data outlives nothing). The server refuses to
// run as root, so as root the folder goes to the `postgres` system user and the commands run as it.
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

export interface PostgresServer {
  readonly port: number;
  /** The address of `database` on this server, as DATABASE_URL takes it. */
  url(database?: string): string;
  /** Runs SQL on the `postgres` maintenance database (CREATE DATABASE and such). */
  admin(sql: string): string;
  stop(): void;
}

export const POSTGRES_USER = 'archive';
const OLDEST_VERSION = 15;

/** The bin folder of the newest installed PostgreSQL of version 15 or later (PG_BIN overrides), or null. */
export function postgresBinDir(): string | null {
  if (process.env.PG_BIN) return existsSync(path.join(process.env.PG_BIN, 'initdb')) ? process.env.PG_BIN : null;
  const root = '/usr/lib/postgresql';
  if (!existsSync(root)) return null;
  const versions = readdirSync(root)
    .map(Number)
    .filter((version) => version >= OLDEST_VERSION && existsSync(path.join(root, String(version), 'bin', 'initdb')))
    .sort((a, b) => b - a);
  return versions.length > 0 ? path.join(root, String(versions[0]), 'bin') : null;
}

/** A port no one listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

const asRoot = () => process.getuid?.() === 0;

function postgresIds(): { uid: number; gid: number } {
  const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
  const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
  return { uid, gid };
}

/** Runs one of the server's programs, as the postgres user when we are root. */
function run(bin: string, program: string, args: string[]): string {
  const command = path.join(bin, program);
  const [file, argv] = asRoot() ? ['runuser', ['-u', 'postgres', '--', command, ...args]] : [command, args];
  const result = spawnSync(file, argv, { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${program} failed (${result.status}): ${result.stderr || result.stdout}`);
  return result.stdout;
}

/** The address of `database` on a throwaway server listening on `port`. */
export const postgresUrl = (port: number, database = 'postgres') => `postgresql://${POSTGRES_USER}@127.0.0.1:${port}/${database}`;

/**
 * Runs SQL on the maintenance database of the server on `port`, with Debian's psql (tests open no
 * connection of their own: lib/db owns them). Trust authentication: any OS user may connect.
 */
export function adminSql(port: number, sql: string): string {
  const bin = postgresBinDir();
  if (!bin) throw new Error('PostgreSQL is not installed: apt-get install -y postgresql');
  const result = spawnSync(
    path.join(bin, 'psql'),
    ['-h', '127.0.0.1', '-p', String(port), '-U', POSTGRES_USER, '-d', 'postgres', '-v', 'ON_ERROR_STOP=1', '-At', '-c', sql],
    {
      encoding: 'utf8',
    },
  );
  if (result.status !== 0) throw new Error(`psql failed (${result.status}): ${result.stderr || result.stdout}`);
  return result.stdout;
}

export async function startPostgres(): Promise<PostgresServer> {
  const bin = postgresBinDir();
  if (!bin) throw new Error(`PostgreSQL ${OLDEST_VERSION} or later is not installed: apt-get install -y postgresql (or set PG_BIN).`);
  const dir = mkdtempSync(path.join(tmpdir(), 'archive-pg-'));
  if (asRoot()) {
    const { uid, gid } = postgresIds();
    chownSync(dir, uid, gid);
  }
  const data = path.join(dir, 'data');
  const port = await freePort();
  run(bin, 'initdb', ['-D', data, '-A', 'trust', '-U', POSTGRES_USER, '-E', 'UTF8', '--locale=C.UTF-8']);
  const settings = [
    `-p ${port}`,
    `-k ${dir}`,
    '-c listen_addresses=127.0.0.1',
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ');
  run(bin, 'pg_ctl', ['-D', data, '-o', settings, '-l', path.join(dir, 'server.log'), '-w', 'start']);

  let stopped = false;
  const server: PostgresServer = {
    port,
    url: (database) => postgresUrl(port, database),
    admin: (sql) => adminSql(port, sql),
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run(bin, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
  return server;
}
