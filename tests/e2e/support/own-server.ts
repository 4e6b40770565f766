// A second `npm start` a spec runs beside Playwright's server: scripts/start.ts on the same build,
// with a database and a port of its own (or the same database, for two servers on one PostgreSQL).
// Its output goes to a log file the failure message names.
import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream } from 'node:fs';
import { SCRIPT_NODE_ARGS } from '@/scripts/node-args';
import { freePort } from '../../support/postgres-server';

export interface OwnServer {
  /** http://127.0.0.1:<port> */
  url: string;
  port: number;
  /** SIGTERM, then SIGKILL after ten seconds; resolves when the process is gone. */
  stop(): Promise<void>;
}

export interface OwnServerOptions {
  /** Environment on top of this process's (DATABASE_URL, limits…); undefined removes a name. PORT is chosen here. */
  env: Record<string, string | undefined>;
  log: string;
  /** The path whose 200 says the server is up. */
  readyPath: string;
  /** Node arguments before the tsx hooks (a preload of the test's own). */
  nodeArgs?: string[];
  timeoutMs?: number;
}

export async function startOwnServer(options: OwnServerOptions): Promise<OwnServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const log = createWriteStream(options.log);
  const env: NodeJS.ProcessEnv = { ...process.env, ...options.env, PORT: String(port) };
  for (const [name, value] of Object.entries(env)) if (value === undefined) delete env[name];
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), ...SCRIPT_NODE_ARGS, 'scripts/start.ts'], {
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.pipe(log);
  child.stderr!.pipe(log);
  // Should the test process end without its afterAll (a crash), the server goes with it.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);

  const stop = (): Promise<void> => {
    process.off('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      const killer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      child.once('exit', () => {
        clearTimeout(killer);
        resolve();
      });
      child.kill('SIGTERM');
    });
  };

  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`the server on port ${port} exited (${code}); see ${options.log}`))),
  );
  exited.catch(() => undefined); // after the start, an exit is stop()'s, and nobody waits on this
  const deadline = Date.now() + (options.timeoutMs ?? 240_000);
  const up = (async () => {
    for (;;) {
      try {
        if ((await fetch(`${url}${options.readyPath}`)).status === 200) return;
      } catch {
        // Not listening yet.
      }
      if (Date.now() > deadline) throw new Error(`the server on port ${port} did not start; see ${options.log}`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  })();
  try {
    await Promise.race([up, exited]);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, stop };
}
