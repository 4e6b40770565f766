// Debian's PostgreSQL client programs (pg_dump, pg_restore) of the server's own major version: a
// pg_dump older than the server refuses to dump it, and one newer writes archives an older
// pg_restore cannot read, so backups use the tools of the version the server runs. Debian installs
// each version's programs under /usr/lib/postgresql/<major>/bin (PG_BIN overrides, as in tests).
import 'server-only';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { openWriter } from '@/lib/db';
import { OpsError } from './files';

const ROOT = '/usr/lib/postgresql';

/** The server's major version (17 for 17.2), asked on a connection of its own. */
export function serverMajorVersion(url: string): number {
  const writer = openWriter(url);
  try {
    return Math.floor(Number(writer.db.prepare('SHOW server_version_num').pluck().get()) / 10000);
  } finally {
    writer.close();
  }
}

/** The folder of `program` for PostgreSQL `major`, or an OpsError saying what to install. */
export function postgresToolDir(major: number, program: string): string {
  const dir = process.env.PG_BIN ?? path.join(ROOT, String(major), 'bin');
  if (!existsSync(path.join(dir, program))) {
    throw new OpsError(`${program} of PostgreSQL ${major} is not installed (looked in ${dir}): apt-get install postgresql-client-${major}`);
  }
  return dir;
}

/**
 * A connection URL for the tools without its password, and the environment that carries it instead:
 * a password on the command line would be visible to every user of the machine (ps).
 */
export function toolConnection(url: string): { dbname: string; env: NodeJS.ProcessEnv } {
  const address = new URL(url);
  // The password may sit in the user part or in the query (`?password=…`), as libpq takes both.
  const password = decodeURIComponent(address.password) || address.searchParams.get('password') || '';
  address.password = '';
  address.searchParams.delete('password');
  return { dbname: address.toString(), env: { ...process.env, ...(password ? { PGPASSWORD: password } : {}) } };
}

/** Runs a tool to its end; its standard output, or an OpsError with what it said (never the password). */
export function runTool(file: string, args: string[], env: NodeJS.ProcessEnv): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { env, stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', (error) => reject(new OpsError(`${path.basename(file)} could not run (${(error as NodeJS.ErrnoException).code ?? error.message})`)));
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out).toString('utf8'));
      else
        reject(new OpsError(`${path.basename(file)} failed (exit ${code}): ${Buffer.concat(err).toString('utf8').trim().split('\n').slice(0, 5).join(' / ')}`));
    });
  });
}
