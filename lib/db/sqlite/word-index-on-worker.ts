// The plain word index (passage_words_fts) of a bulk load built on a second core. A bulk load
// (bulk-passages.ts) rebuilds both passage indexes in its one transaction, tokenizing every passage
// twice, one index after the other: at 1,000,000 passages the stemmed index took 25–28 s and the plain
// one 13–17 s. Here a worker thread (word-index-worker.mjs) builds the plain one, from the passages this
// thread hands it, in a scratch file, while this thread builds the stemmed one; the worker's index is
// then copied into the load's transaction, row by row of FTS5's own tables. The worker cannot read the
// passages itself: they are not committed until the whole load is.
import 'server-only';
import { mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import { workerFile } from '../worker-file';
import { openReadOnlyDatabase, type SqliteDb } from './connection';

/** Passages handed to the worker per message. */
const BATCH = 5000;
/** The worker's outcome, in `state[0]` (word-index-worker.mjs): 0 while it works, 1 built, 2 failed. */
const WORKING = 0;
const BUILT = 1;
/**
 * The worker adds one to `state[1]` when it starts and after each batch: if that stands still this
 * long, it is taken as gone (a thread that failed to start, or ran out of memory, cannot say so
 * itself, and this thread cannot see its events while it waits inside the load's transaction). Its
 * longest step, the commit that writes out the last terms and merges, took ~2 s at 1,000,000 passages.
 */
const SILENCE_MS = 120_000;

export interface WordIndexOptions {
  /** How long the worker may stay silent before it is taken as gone (default SILENCE_MS). */
  silenceMs?: number;
  /** The worker's entry file: word-index-worker.mjs, found beside the sources, by default. */
  entry?: () => string;
}

/**
 * The worker's entry, started by path, not bundled (lib/db/worker-file.ts). Called where the worker is
 * made, as search-threads.ts does: Next's bundler reads `new Worker(…)`'s argument, and took a path
 * that could come from the options for any file of the project (its build failed).
 */
const entryFile = () => workerFile('lib/db/sqlite', 'word-index-worker.mjs', import.meta.url, 'The word-index worker');

export interface WordIndexBuild {
  /** The worker's scratch database (removed by dispose()). */
  readonly scratchFile: string;
  /** Waits until the worker has built its index; throws if it failed or went silent. */
  awaitBuilt(): void;
  /** awaitBuilt(), then puts the worker's index in place of the table's (within the load's transaction). */
  install(): void;
  /** Stops the worker if it still runs and removes its file; call always, once done or failed. Never throws. */
  dispose(): void;
}

/**
 * Starts building `table` (a contentless FTS5 table of the passages' text, as passage_words_fts) on a
 * worker thread, from every passage `db` holds now (its transaction's rows), with FTS5's 'hashsize'
 * at `hashSize` bytes and the table's other settings. Returns once the passages are handed over.
 * The scratch file goes beside the database (its disk holds the database, so it has room for an index
 * of it, where a temporary folder may be small or in memory).
 */
export function startWordIndexOnWorker(db: SqliteDb, table: string, hashSize: number, options: WordIndexOptions = {}): WordIndexBuild {
  // At least a millisecond: the wait between looks is never longer, and never nothing.
  const silenceMs = Math.max(1, options.silenceMs ?? SILENCE_MS);
  const { entry = entryFile } = options;
  const createSql = db.prepare("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?").pluck().get(table) as string | undefined;
  if (!createSql) throw new Error(`The table ${table} is missing; is the database migrated?`);
  // FTS5's settings of the table besides its format's version and the segment size set here ('automerge', 'rank', ...).
  // Integers read as BigInt, so that they are bound back as integers: FTS5 refuses a setting given as a real number.
  const settings = db.prepare(`SELECT k, v FROM "${table}_config" WHERE k NOT IN ('version', 'hashsize')`).safeIntegers(true).raw().all();
  const dir = mkdtempSync(path.join(path.dirname(path.resolve(db.name)), '.word-index-'));
  const scratchFile = path.join(dir, 'words.db');
  const state = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker | undefined;
  let built = false;

  const dispose = () => {
    port1.close();
    void worker?.terminate();
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Best effort: a leftover scratch folder must not fail (or hide the failure of) the load.
    }
  };

  const awaitBuilt = () => {
    let heard = Atomics.load(state, 1);
    let since = Date.now();
    // Synchronously: the load runs inside a transaction, which cannot await.
    while (Atomics.load(state, 0) === WORKING) {
      Atomics.wait(state, 0, WORKING, Math.min(1000, silenceMs));
      const now = Atomics.load(state, 1);
      if (now !== heard) [heard, since] = [now, Date.now()];
      else if (Date.now() - since > silenceMs)
        throw new Error(`The word index could not be built on its worker thread: it has not answered for ${silenceMs / 1000} s. Nothing was loaded.`);
    }
    if (Atomics.load(state, 0) !== BUILT) {
      const told = receiveMessageOnPort(port1)?.message as { error?: string } | undefined;
      throw new Error(`The word index could not be built on its worker thread: ${told?.error ?? 'no reason given'}. Nothing was loaded.`);
    }
    built = true;
  };

  const install = () => {
    if (!built) awaitBuilt();
    // A new table, not the old one emptied: FTS5 keeps an index's structure in memory per connection
    // (until another connection commits), so this connection would go on with the old table's after
    // its rows are replaced under it. A table created now has none in memory and reads the copy's.
    db.exec(`DROP TABLE "${table}"`);
    db.exec(createSql);
    const scratch = openReadOnlyDatabase(scratchFile);
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
  };

  try {
    worker = new Worker(entry(), {
      workerData: { file: scratchFile, createSql, table, hashSize, settings, port: port2, state: state.buffer },
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
  } catch (error) {
    dispose();
    throw error;
  }
  return { scratchFile, awaitBuilt, install, dispose };
}
