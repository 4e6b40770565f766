// A worker thread of a bulk load (word-index-on-worker.ts): builds the plain word index
// (passage_words_fts) of the loaded passages in a scratch database file of its own, while the load's
// thread builds the stemmed index, so the two tokenize on two cores. Plain JavaScript: it needs none of
// the parent's loaders. The passages arrive as messages, batch by batch ([id, text] rows), then `null`. The outcome is
// told through `state` (Atomics), since the load's thread waits for it synchronously, inside its
// transaction, where it cannot see this thread's events: state[0] 1 built, 2 failed (the error's
// message posted on the port first); state[1] counts the steps done, so that the load's thread can
// tell a thread that went silent (one that never started, or ran out of memory). The driver is
// imported inside the try, and an exit before the end says it failed.
import { workerData } from 'node:worker_threads';

const { file, createSql, table, hashSize, settings, port, state } = workerData;
const signals = new Int32Array(state);
const stepDone = () => Atomics.add(signals, 1, 1);
const BUILT = 1;
const FAILED = 2;

function finish(code, error) {
  if (error) port.postMessage({ error: error instanceof Error ? error.message : String(error) });
  Atomics.store(signals, 0, code);
  Atomics.notify(signals, 0);
  port.close();
}

process.on('exit', () => {
  if (Atomics.load(signals, 0) === 0) finish(FAILED, new Error('the worker stopped before the index was built'));
});

let db;
try {
  stepDone();
  const { default: Database } = await import('better-sqlite3');
  db = new Database(file);
  // A scratch file, thrown away if anything fails: nothing to recover, so no journal.
  db.pragma('journal_mode = OFF');
  db.pragma('synchronous = OFF');
  db.exec(createSql);
  // The same segment size as the load's own build (bulk-passages.ts BULK_HASH_SIZE); FTS5 takes only a literal.
  db.exec(`INSERT INTO ${table} (${table}, rank) VALUES ('hashsize', ${Math.trunc(hashSize)})`);
  // The load's table's other settings, so that the index is built and kept as that table's is.
  for (const [key, value] of settings) db.prepare(`INSERT INTO ${table} (${table}, rank) VALUES (?, ?)`).run(key, value);
  db.exec('BEGIN');
  const insert = db.prepare(`INSERT INTO ${table} (rowid, text) VALUES (?, ?)`);
  port.on('message', (batch) => {
    try {
      if (batch === null) {
        db.exec('COMMIT');
        db.close();
        finish(BUILT);
        return;
      }
      for (const [id, text] of batch) insert.run(id, text);
      stepDone();
    } catch (error) {
      db.close();
      finish(FAILED, error);
    }
  });
} catch (error) {
  db?.close();
  finish(FAILED, error);
}
