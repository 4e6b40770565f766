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
import { workerFile } from '../worker-file';
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
  /** The connection is gone (server restarted, network lost): it is closed, and a new one is needed. */
  connectionLost?: boolean;
}

/**
 * How long one statement may take before this thread gives up waiting (the worker is then replaced).
 * A write's statements are small (the longest, an archive import's batches, take well under a
 * second); a minute bounds how long a lost network can hold the thread, with the worker's own
 * connect timeout and TCP keep-alive noticing most losses much sooner.
 */
const REPLY_DEADLINE_MS = 60_000;

interface Bridge {
  worker: Worker;
  port: MessagePort;
  signal: Int32Array;
}

let bridge: Bridge | null = null;
/** Bumped whenever the worker is replaced: connections of an earlier worker are gone with it. */
let generation = 0;
/** Request and connection numbers, never reused (not even by a new worker). */
let lastRequest = 0;
let lastConnection = 0;

/**
 * The worker's file. Started by path, not bundled: from the project folder (Next's server, tsx scripts
 * and vitest all run there); the module's own folder is a fallback for a process started elsewhere.
 */
const syncWorkerFile = () => workerFile('lib/db/postgres', 'sync-worker.mjs', import.meta.url, 'The PostgreSQL write worker');

function startBridge(): Bridge {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const { port1, port2 } = new MessageChannel();
  // execArgv []: the worker is plain JavaScript and needs none of the parent's loaders (tsx, hooks).
  const worker = new Worker(syncWorkerFile(), { workerData: { port: port2, signal }, transferList: [port2], execArgv: [] });
  // The worker never keeps a finished script alive; its open clients are closed by closeWriters().
  worker.unref();
  port1.unref();
  const forget = () => {
    if (bridge?.worker === worker) {
      bridge = null;
      generation++;
    }
  };
  worker.on('error', forget);
  worker.on('exit', forget);
  return { worker, port: port1, signal };
}

/** Gives up on the current worker: it is stopped, and every connection it held counts as closed. */
function abandonWorker(): void {
  const lost = bridge;
  bridge = null;
  generation++;
  void lost?.worker.terminate();
}

type Reply<T> = { seq: number; ok: true; value: T } | { seq: number; ok: false; error: Record<string, unknown> };

/**
 * Sends one request to the worker and blocks this thread until its reply: the reply to THIS request
 * (by its number), never a late one to an earlier request. A worker that does not answer in time is
 * stopped and replaced, and the connections it held are closed, so that nothing it might still do
 * can reach a later statement.
 */
function call<T>(request: Record<string, unknown>): T {
  bridge ??= startBridge();
  const { port, signal } = bridge;
  const seq = ++lastRequest;
  port.postMessage({ ...request, seq });
  const deadline = Date.now() + REPLY_DEADLINE_MS;
  for (;;) {
    const seen = Atomics.load(signal, 0);
    for (let received = receiveMessageOnPort(port); received; received = receiveMessageOnPort(port)) {
      const reply = received.message as Reply<T>;
      if (reply.seq !== seq) continue; // an answer to a request given up on earlier: dropped
      if (reply.ok) return reply.value;
      throw Object.assign(new PostgresError(String(reply.error.message)), reply.error);
    }
    if (Date.now() > deadline) {
      abandonWorker();
      throw Object.assign(new PostgresError('The PostgreSQL write worker did not answer in time; its connections are closed.'), { connectionLost: true });
    }
    Atomics.wait(signal, 0, seen, 1000);
  }
}

/** A Buffer sent to the worker arrives as a Uint8Array; bytea values come back the same way. */
function asBuffer(value: unknown): unknown {
  return value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value;
}

/** One pg client in the worker, used synchronously. */
export class SyncConnection {
  private id: number | null;
  /** The worker generation that holds this connection: a replaced worker took it with it. */
  private readonly generation: number;

  /** `settings`: statements run once on the new connection (SET lock_timeout…). */
  constructor(
    readonly url: string,
    settings: string[] = [],
  ) {
    const id = ++lastConnection;
    call<null>({ op: 'connect', id, url, settings });
    this.id = id;
    this.generation = generation;
  }

  /** False once closed, lost (the server went away) or its worker replaced: the shared writer then opens a new one. */
  get open(): boolean {
    return this.id !== null && this.generation === generation;
  }

  private get openId(): number {
    if (!this.open) throw Object.assign(new PostgresError('The PostgreSQL connection is closed.'), { connectionLost: true });
    return this.id!;
  }

  /** Runs one request on this connection; a lost connection is marked closed before the error goes on. */
  private run<T>(request: Record<string, unknown>): T {
    try {
      return call<T>({ ...request, id: this.openId });
    } catch (error) {
      if ((error as PostgresError).connectionLost) this.id = null;
      throw error;
    }
  }

  /** One statement with `$n` values. */
  query(text: string, values: unknown[] = []): QueryResult {
    const result = this.run<QueryResult>({ op: 'query', text, values });
    for (const row of result.rows) for (let i = 0; i < row.length; i++) row[i] = asBuffer(row[i]);
    return result;
  }

  /** Statements without values, several at once; answers the last one's command tag (COMMIT, ROLLBACK…). */
  exec(text: string): string | null {
    return this.run<string | null>({ op: 'exec', text });
  }

  close(): void {
    if (!this.open) {
      this.id = null;
      return;
    }
    const id = this.id;
    this.id = null;
    call<null>({ op: 'end', id });
  }
}
