// Reads ranking lists on a worker thread (term-list-reads-worker.mjs), for the build to use a second core.
import 'server-only';
import { Worker } from 'node:worker_threads';
import { workerFile } from '../worker-file';
import { LIST_READ_SQL, type ListRead } from './term-impacts';

/** The worker's file, started by path, not bundled (as the PostgreSQL write worker is: sync-connection.ts). */
const listWorkerFile = () => workerFile('lib/db/sqlite', 'term-list-reads-worker.mjs', import.meta.url, 'The ranking-list worker');

/** Takes turns with a worker thread over the lists to read: each takes the next one not yet taken. */
export interface SharedReading {
  /** The lists the worker read, once none is left to take. */
  worker: Promise<Map<string, ListRead>>;
  /** The index of the next word for this thread to read, or null when none is left. */
  take(): number | null;
}

/** A word or phrase to read a list of, the most best rows to read for it, and its count's sample's stride (null: none). */
export interface ListToRead {
  term: string;
  limit: number;
  every: number | null;
}

/**
 * Starts a worker thread reading `lists` from the committed database `file`, taking turns with this
 * thread: the caller reads the lists take() gives it. `onRead` is told of each list the worker reads
 * (for progress). The promise fails if the worker does.
 */
export function readListsWithWorker(file: string, lists: ListToRead[], onRead?: () => void): SharedReading {
  const next = new Int32Array(new SharedArrayBuffer(4));
  const take = () => {
    const i = Atomics.add(next, 0, 1);
    return i < lists.length ? i : null;
  };
  const worker = new Promise<Map<string, ListRead>>((resolve, reject) => {
    const reads = new Map<string, ListRead>();
    // execArgv []: plain JavaScript, none of the parent's loaders (tsx, hooks).
    const thread = new Worker(listWorkerFile(), { workerData: { file, lists, sql: LIST_READ_SQL, next }, execArgv: [] });
    thread.on('message', ({ word, read }: { word: string; read: ListRead }) => {
      reads.set(word, read);
      onRead?.();
    });
    thread.once('error', reject);
    thread.once('exit', (code) => {
      if (code === 0) resolve(reads);
      else reject(new Error(`The ranking-list worker stopped (exit code ${code}) after ${reads.size} words.`));
    });
  });
  return { worker, take };
}

/**
 * Runs one read-only statement on a worker thread (the same worker file, given `query`), for the build
 * to read one thing while this thread reads another: the rows as objects, as `.all()` gives them.
 */
export function readOnWorker<Row>(file: string, sql: string, params: unknown[]): Promise<Row[]> {
  return new Promise<Row[]>((resolve, reject) => {
    let rows: Row[] | undefined;
    const thread = new Worker(listWorkerFile(), { workerData: { file, query: { sql, params } }, execArgv: [] });
    thread.once('message', (message: { rows: Row[] }) => (rows = message.rows));
    thread.once('error', reject);
    thread.once('exit', (code) => {
      if (code === 0 && rows) resolve(rows);
      else reject(new Error(`The ranking-list worker stopped (exit code ${code}) before its read was done.`));
    });
  });
}
