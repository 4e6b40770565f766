// A synchronous PostgreSQL connection, for the write path only. The app's writes are synchronous
// functions on a better-sqlite3-shaped connection (`write((db) => db.prepare(sql).run(...))`, some
// thirty modules of lib/editorial, lib/auth, seed…); rather than make all of them async, a worker
// thread (sync-worker.mjs) holds the pg clients and this thread BLOCKS on every statement until the
// worker answers (Atomics.wait on a shared counter, then the reply read off the port).
//
// Blocking the main thread per statement is acceptable because writes are editorial and rare: a save
// is a few dozen statements, each a loopback round trip. It must never carry reads of the public site:
// those go through the asynchronous reader (reader.ts) and Prisma.
import 'server-only';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';

/** One statement's answer: column names and rows as arrays (pluck and raw need the order). */
export interface QueryResult {
  columns: string[];
  rows: unknown[][];
  rowCount: number;
}

/** An error from PostgreSQL, with its SQLSTATE `code` (23505: unique violation, 55P03: lock not available…). */
export class PostgresError extends Error {
  code?: string;
  detail?: string;
  constraint?: string;
}

/** How long a statement may take before this thread gives up waiting (the worker is then presumed lost). */
const REPLY_DEADLINE_MS = 10 * 60_000;

interface Bridge {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
}

let bridge: Bridge | null = null;

/**
 * The worker's file. Started by path, not bundled: from the project folder (Next's server, tsx scripts
 * and vitest all run there); the module's own folder is a fallback for a process started elsewhere.
 */
function workerFile(): string {
  const candidates = [path.join(process.cwd(), 'lib', 'db', 'postgres', 'sync-worker.mjs')];
  // (Not `new URL('./sync-worker.mjs', import.meta.url)`: bundlers would copy the file away from its imports.)
  if (import.meta.url.startsWith('file:')) candidates.push(path.join(path.dirname(fileURLToPath(import.meta.url)), 'sync-worker.mjs'));
  const found = candidates.find((file) => existsSync(file));
  if (!found) throw new Error(`The PostgreSQL write worker is missing (looked for ${candidates.join(', ')}).`);
  return found;
}

function startBridge(): Bridge {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  // execArgv []: the worker is plain JavaScript and needs none of the parent's loaders (tsx, hooks).
  const worker = new Worker(workerFile(), { workerData: { port: port2, signal }, transferList: [port2], execArgv: [] });
  // The worker never keeps a finished script alive; its open clients are closed by closeWriters().
  worker.unref();
  port1.unref();
  worker.on('error', () => {
    bridge = null;
  });
  worker.on('exit', () => {
    bridge = null;
  });
  return { worker, port: port1, signal };
}

/** Sends one request to the worker and blocks this thread until its reply. */
function call<T>(request: Record<string, unknown>): T {
  bridge ??= startBridge();
  const { port, signal } = bridge;
  const seen = Atomics.load(signal, 0);
  port.postMessage(request);
  const deadline = Date.now() + REPLY_DEADLINE_MS;
  for (;;) {
    Atomics.wait(signal, 0, seen, 1000);
    const received = receiveMessageOnPort(port);
    if (received) {
      const reply = received.message as { ok: true; value: T } | { ok: false; error: Record<string, unknown> };
      if (reply.ok) return reply.value;
      throw Object.assign(new PostgresError(String(reply.error.message)), reply.error);
    }
    if (Date.now() > deadline) throw new Error('The PostgreSQL write worker did not answer.');
  }
}

/** A Buffer sent to the worker arrives as a Uint8Array; bytea values come back the same way. */
function asBuffer(value: unknown): unknown {
  return value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value;
}

/** One pg client in the worker, used synchronously. */
export class SyncConnection {
  private id: number | null;

  /** `settings`: statements run once on the new connection (SET lock_timeout…). */
  constructor(
    readonly url: string,
    settings: string[] = [],
  ) {
    this.id = call<number>({ op: 'connect', url, settings });
  }

  get open(): boolean {
    return this.id !== null;
  }

  private get openId(): number {
    if (this.id === null) throw new TypeError('The database connection is not open');
    return this.id;
  }

  /** One statement with `$n` values. */
  query(text: string, values: unknown[] = []): QueryResult {
    const result = call<QueryResult>({ op: 'query', id: this.openId, text, values });
    for (const row of result.rows) for (let i = 0; i < row.length; i++) row[i] = asBuffer(row[i]);
    return result;
  }

  /** Statements without values, several at once. */
  exec(text: string): void {
    call<null>({ op: 'exec', id: this.openId, text });
  }

  close(): void {
    if (this.id === null) return;
    const id = this.id;
    this.id = null;
    call<null>({ op: 'end', id });
  }
}
