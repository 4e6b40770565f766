// Starts and stops the production server exactly as `npm start` runs it (scripts/start.ts: migrate,
// build when stale, serve through the request edge), on loopback, for one database file.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface RunningServer {
  origin: string;
  logFile: string;
  stop: () => Promise<void>;
}

export interface ServerOptions {
  root: string;
  port: number;
  databaseFile: string;
  logFile: string;
  /** A build may happen first: minutes on this machine. */
  readyTimeoutMs?: number;
}

/**
 * The benchmark's environment for `npm start`:
 * - SEARCH_EMBED_ON_START=off: no background embedding of passages without vectors (hours of CPU on
 *   the 100,000-passage corpus, which would spoil every figure).
 * - RATE_LIMIT_EXEMPT=loopback: the load comes from 127.0.0.1, which the search limit (60 a minute
 *   per address) would otherwise answer with 429s. The exemption is the documented setting for the
 *   site's own tools; the limiter is still consulted for every request, as in production.
 * - TRUSTED_PROXIES empty: the client address is the socket's, as for a reader with no proxy.
 */
export function serverEnvironment(options: Pick<ServerOptions, 'port' | 'databaseFile'>): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PORT: String(options.port),
    DATABASE_URL: `file:${options.databaseFile}`,
    SEARCH_EMBED_ON_START: 'off',
    RATE_LIMIT_EXEMPT: 'loopback',
    TRUSTED_PROXIES: '',
  };
}

function logTail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const origin = `http://127.0.0.1:${options.port}`;
  // Refuse to measure someone else's server on the same port.
  if (await answers(origin)) throw new Error(`Something already answers on ${origin}: stop it or pick another --port.`);
  const log = openSync(options.logFile, 'w');
  const tsx = path.join(options.root, 'node_modules', '.bin', 'tsx');
  // Its own process group, so stopping it stops tsx's node child too (and nothing else).
  const child: ChildProcess = spawn(tsx, ['--import', './scripts/server-side.mjs', 'scripts/start.ts'], {
    cwd: options.root,
    env: serverEnvironment(options),
    stdio: ['ignore', log, log],
    detached: true,
  });
  closeSync(log);
  let exited: number | null | undefined;
  const exit = new Promise<void>((resolve) =>
    child.once('exit', (code) => {
      exited = code;
      resolve();
    }),
  );

  const stop = async () => {
    if (exited !== undefined || child.pid === undefined) return;
    process.kill(-child.pid, 'SIGTERM');
    const stopped = await Promise.race([exit.then(() => true), sleep(10_000).then(() => false)]);
    if (!stopped && exited === undefined) process.kill(-child.pid, 'SIGKILL');
  };

  const deadline = Date.now() + (options.readyTimeoutMs ?? 15 * 60_000);
  while (!(await answers(origin))) {
    if (exited !== undefined) throw new Error(`The server exited (${exited}) before answering. Its log:\n${logTail(options.logFile)}`);
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`The server did not answer on ${origin} in time. Its log:\n${logTail(options.logFile)}`);
    }
    await sleep(500);
  }
  return { origin, logFile: options.logFile, stop };
}

async function answers(origin: string): Promise<boolean> {
  try {
    const response = await fetch(`${origin}/`, { signal: AbortSignal.timeout(30_000) });
    await response.arrayBuffer();
    return response.ok;
  } catch {
    return false;
  }
}
