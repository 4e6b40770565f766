// The plain word index (passage_words_fts) of a bulk load built on a second core. A bulk load
// (bulk-passages.ts) rebuilds both passage indexes in its one transaction, tokenizing every passage
// twice, one index after the other: at 1,000,000 passages the stemmed index took 25.6 s and the plain
// one 14.3 s. Here a worker thread (word-index-worker.mjs) builds the plain one, from the passages this
// thread hands it, in a scratch file, while this thread builds the stemmed one; the worker's index is
// then copied into the load's transaction, row by row of FTS5's own tables. The worker cannot read the
// passages itself: they are not committed until the whole load is.
import 'server-only';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { workerFile } from '../worker-file';
import { openReadOnlyDatabase, type SqliteDb } from './connection';

/** Passages handed to the worker per message. */
const BATCH = 5000;
/** How the worker tells its outcome (word-index-worker.mjs): 0 while it works, 2 if it failed. */
const BUILT = 1;

export interface WordIndexBuild {
  /** Waits for the worker, then puts its index in place of the table's (within the load's transaction); throws if the worker failed. */
  install(): void;
  /** Stops the worker if it still runs and removes its file; call always, once done or failed. */
  dispose(): void;
}

/**
 * Starts building `table` (a contentless FTS5 table of the passages' text, as passage_words_fts) on a
 * worker thread, from every passage `db` holds now (its transaction's rows), with FTS5's 'hashsize'
 * at `hashSize` bytes. Returns once the passages are handed over; install() takes the result.
 */
export function startWordIndexOnWorker(db: SqliteDb, table: string, hashSize: number): WordIndexBuild {
  const createSql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) as string | undefined;
  if (!createSql) throw new Error(`The table ${table} is missing; is the database migrated?`);
  const dir = mkdtempSync(path.join(os.tmpdir(), 'word-index-'));
  const file = path.join(dir, 'words.db');
  const state = new SharedArrayBuffer(4);
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(workerFile('lib/db/sqlite', 'word-index-worker.mjs', import.meta.url, 'The word-index worker'), {
    workerData: { file, createSql, table, hashSize, port: port2, state },
    transferList: [port2],
    // Plain JavaScript: none of the parent's loaders (tsx, hooks).
    execArgv: [],
  });
  // Most of this thread's share (at 1,000,000 passages ~5 s): reading the rows (~1.5 s) and copying them
  // to the worker (~3 s). Sent as UTF-8 in buffers handed over instead, they took as long to encode.
  let batch: unknown[][] = [];
  for (const row of db.prepare('SELECT id, text FROM Passage ORDER BY id').raw().iterate() as IterableIterator<unknown[]>) {
    batch.push(row);
    if (batch.length === BATCH) {
      port1.postMessage(batch);
      batch = [];
    }
  }
  if (batch.length > 0) port1.postMessage(batch);
  port1.postMessage(null);

  return {
    install() {
      const outcome = new Int32Array(state);
      // Synchronously: the load runs inside a transaction, which cannot await.
      while (Atomics.load(outcome, 0) === 0) Atomics.wait(outcome, 0, 0, 1000);
      if (Atomics.load(outcome, 0) !== BUILT) {
        const told = receiveMessageOnPort(port1)?.message as { error?: string } | undefined;
        throw new Error(`The word index could not be built on its worker thread: ${told?.error ?? 'no reason given'}. Nothing was loaded.`);
      }
      // A new table, not the old one emptied: FTS5 keeps an index's structure in memory per connection
      // (until another connection commits), so this connection would go on with the old table's after
      // its rows are replaced under it. A table created now has none in memory and reads the copy's.
      db.exec(`DROP TABLE "${table}"`);
      db.exec(createSql);
      const scratch = openReadOnlyDatabase(file);
      // better-sqlite3 opens connections in SQLite's defensive mode, where FTS5's own tables are read-only.
      db.unsafeMode(true);
      try {
        // FTS5's own tables of the index (data, idx, docsize, config): all the scratch file holds besides the virtual table.
        const shadows = scratch
          .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE ? ESCAPE '!' AND sql NOT LIKE 'CREATE VIRTUAL TABLE%'")
          .pluck()
          .all(`${table.replaceAll('_', '!_')}!_%`) as string[];
        for (const shadow of shadows) {
          db.exec(`DELETE FROM "${shadow}"`);
          const columns = (scratch.pragma(`table_info("${shadow}")`) as unknown[]).length;
          const insert = db.prepare(`INSERT INTO "${shadow}" VALUES (${Array(columns).fill('?').join(', ')})`);
          for (const row of scratch.prepare(`SELECT * FROM "${shadow}"`).raw().iterate() as IterableIterator<unknown[]>) insert.run(row);
        }
      } finally {
        db.unsafeMode(false);
        scratch.close();
      }
    },
    dispose() {
      port1.close();
      void worker.terminate();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
