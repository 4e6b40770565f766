// The worker thread behind the synchronous PostgreSQL connection (sync-connection.ts). The app's write
// path is synchronous (better-sqlite3's shape: `write((db) => db.prepare(sql).run(...))`), pg is
// asynchronous; this thread holds the pg clients and answers one request at a time, while the main
// thread waits on a shared counter (Atomics.wait) for the reply. Plain .mjs, started by file path:
// Next's server, tsx and vitest all start it the same way, with no TypeScript loader.
//
// Protocol: a request { op, ... } arrives on `port`; the reply { ok, value | error } is posted back on
// the same port, then `signal[0]` is incremented and notified. Every request gets exactly one reply,
// whatever happens, or the main thread would wait forever.
import { workerData } from 'node:worker_threads';
import pg from 'pg';
import { writeTypes } from './sync-types.mjs';

const { port, signal } = workerData;
/** The open clients by the id the main thread knows them by. */
const clients = new Map();
let nextId = 1;

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
  if (!found) throw new Error('The PostgreSQL connection is closed.');
  return found;
}

const ops = {
  async connect({ url, settings }) {
    const connection = new pg.Client({ connectionString: url, types: writeTypes });
    const id = nextId++;
    // A dropped connection must not take the thread down: the next request on it fails instead.
    connection.on('error', () => clients.delete(id));
    await connection.connect();
    for (const statement of settings ?? []) await connection.query(statement);
    clients.set(id, connection);
    return id;
  },
  async query({ id, text, values }) {
    const result = await client(id).query({ text, values: values.map(parameter), rowMode: 'array' });
    return { columns: result.fields.map((field) => field.name), rows: result.rows, rowCount: result.rowCount ?? 0 };
  },
  /** Several statements without values (DDL, BEGIN/COMMIT): pg's simple query protocol. */
  async exec({ id, text }) {
    await client(id).query(text);
    return null;
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
    reply({ ok: true, value: await op(request) });
  } catch (error) {
    reply({ ok: false, error: plainError(error) });
  }
});
