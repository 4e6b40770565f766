// The worker thread behind the synchronous PostgreSQL connection (sync-connection.ts). The app's write
// path is synchronous (better-sqlite3's shape: `write((db) => db.prepare(sql).run(...))`), pg is
// asynchronous; this thread holds the pg clients and answers one request at a time, while the main
// thread waits on a shared counter (Atomics.wait) for the reply. Plain .mjs, started by file path:
// Next's server, tsx and vitest all start it the same way, with no TypeScript loader.
//
// Protocol: a request { seq, op, ... } arrives on `port`; the reply { seq, ok, value | error } is
// posted back on the same port, then `signal[0]` is incremented and notified. Every request gets
// exactly one reply, whatever happens, or the main thread would wait forever; `seq` lets the main
// thread drop a reply that comes too late for the request it was waiting for. Connection ids are
// the main thread's, never reused, so a statement cannot reach another connection's session.
import { workerData } from 'node:worker_threads';
import pg from 'pg';
import { writeTypes } from './sync-types.mjs';

const { port, signal } = workerData;
/** The open clients by the id the main thread gave them. */
const clients = new Map();

function reply(message) {
  port.postMessage(message);
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}

/** What survives the trip to the main thread: pg's fields (code, detail, constraint…) with the message. */
function plainError(error) {
  if (!(error instanceof Error)) return { message: String(error) };
  const out = { name: error.name, message: error.message };
  for (const key of ['code', 'detail', 'hint', 'constraint', 'table', 'column', 'schema', 'severity', 'position', 'where']) {
    if (error[key] !== undefined) out[key] = error[key];
  }
  return out;
}

/** A Uint8Array (what a Buffer becomes on its way here) is a bytea value again. */
const parameter = (value) => (value instanceof Uint8Array && !Buffer.isBuffer(value) ? Buffer.from(value.buffer, value.byteOffset, value.byteLength) : value);

function client(id) {
  const found = clients.get(id);
  if (!found) throw Object.assign(new Error('The PostgreSQL connection is closed.'), { connectionLost: true });
  return found;
}

/**
 * Whether an error means the connection itself is gone (the server restarted, the network dropped,
 * an administrator ended it): SQLSTATE class 08 or 57P01-57P03, or pg's own "Connection terminated".
 * The main thread then forgets the connection, and the next write opens a new one.
 */
const isConnectionLost = (error) =>
  Boolean(error?.connectionLost) ||
  /^08|^57P0[123]$/.test(String(error?.code ?? '')) ||
  /Connection terminated|not queryable/i.test(String(error?.message ?? ''));

const ops = {
  async connect({ id, url, settings }) {
    // keepAlive and a connect timeout: a lost network is noticed rather than waited on for minutes.
    const connection = new pg.Client({ connectionString: url, types: writeTypes, keepAlive: true, connectionTimeoutMillis: 10_000 });
    // A dropped connection must not take the thread down: the next request on it fails instead.
    connection.on('error', () => clients.delete(id));
    connection.on('end', () => clients.delete(id));
    await connection.connect();
    for (const statement of settings ?? []) await connection.query(statement);
    clients.set(id, connection);
    return id;
  },
  async query({ id, text, values }) {
    const result = await client(id).query({ text, values: values.map(parameter), rowMode: 'array' });
    return { columns: result.fields.map((field) => field.name), rows: result.rows, rowCount: result.rowCount ?? 0 };
  },
  /**
   * Several statements without values (DDL, BEGIN/COMMIT): pg's simple query protocol. Answers the
   * last statement's command tag: a COMMIT of a transaction that had failed answers ROLLBACK.
   */
  async exec({ id, text }) {
    const result = await client(id).query(text);
    const last = Array.isArray(result) ? result.at(-1) : result;
    return last?.command ?? null;
  },
  async end({ id }) {
    const connection = clients.get(id);
    clients.delete(id);
    if (connection) await connection.end().catch(() => undefined);
    return null;
  },
};

port.on('message', async (request) => {
  try {
    const op = ops[request.op];
    if (!op) throw new Error(`Unknown request ${request.op}`);
    reply({ seq: request.seq, ok: true, value: await op(request) });
  } catch (error) {
    const lost = request.id !== undefined && isConnectionLost(error);
    if (lost) {
      const connection = clients.get(request.id);
      clients.delete(request.id);
      connection?.end().catch(() => undefined);
    }
    reply({ seq: request.seq, ok: false, error: { ...plainError(error), connectionLost: lost } });
  }
});
