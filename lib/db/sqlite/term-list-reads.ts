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
 * Runs the list worker with `workerData` until it exits, giving each message it posts to `onMessage`;
 * resolves with `result()` once it has exited cleanly, fails if it does not (`what`: what it was doing
 * when it stopped, for the error).
 */
function runListWorker<T, Message>(workerData: object, onMessage: (message: Message) => void, result: () => T, what: () => string): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    // execArgv []: plain JavaScript, none of the parent's loaders (tsx, hooks).
    const thread = new Worker(listWorkerFile(), { workerData, execArgv: [] });
    thread.on('message', onMessage);
    thread.once('error', reject);
    thread.once('exit', (code) => {
      if (code !== 0) return reject(new Error(`The ranking-list worker stopped (exit code ${code}) ${what()}.`));
      try {
        resolve(result());
      } catch (error) {
        reject(error as Error);
      }
    });
  });
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
  const reads = new Map<string, ListRead>();
  const worker = runListWorker(
    { file, lists, sql: LIST_READ_SQL, next },
    ({ word, read }: { word: string; read: ListRead }) => {
      reads.set(word, read);
      onRead?.();
    },
    () => reads,
    () => `after ${reads.size} words`,
  );
  return { worker, take };
}

/**
 * Runs one read-only statement on a worker thread (the same worker file, given `query`), for the build
 * to read one thing while this thread reads another: the rows as objects, as `.all()` gives them.
 */
export function queryOnWorker<Row>(file: string, sql: string, params: unknown[]): Promise<Row[]> {
  let rows: Row[] | undefined;
  return runListWorker(
    { file, query: { sql, params } },
    (message: { rows: Row[] }) => (rows = message.rows),
    () => {
      if (!rows) throw new Error('The ranking-list worker stopped without giving its read.');
      return rows;
    },
    () => 'before its read was done',
  );
}
