// Keeps the passage indexes whole without an operator. After a save (lib/editorial/history.ts) and at
// `npm start`, when saves have left an index cut up enough to slow searches (mergeAdvised,
// index-segments.ts), a worker thread (index-merge-worker.mjs) merges it back into one segment, in
// steps of MERGE_STEP.pages pages, each a short write transaction of its own with a pause after it.
// A save waits for one step at most, where `search:index -- --merge` holds the write lock for a whole
// index (4.5 s at 1,000,000 passages); the server's threads go on meanwhile. One merge at a time per
// database file; a save during it adds its segment as usual, and the check after the next save sees
// what is left. SQLite only: PostgreSQL's indexes have no segments.
import 'server-only';
import { Worker } from 'node:worker_threads';
import { isPostgresUrl } from '../engine';
import { workerFile } from '../worker-file';
import { DEFAULT_BUSY_TIMEOUT_MS, type Writer } from '../writer';
import { mergeAdvised, PASSAGE_INDEXES, shapeOf, type IndexShape, type PassageIndex } from './index-segments';

/**
 * A step's size and the pause after it. On a copy of the 1,000,000-passage corpus cut up by 3,000 saves,
 * steps of 200 pages without pauses took 24 ms on average, the longest 193 ms: 332 steps and 8.0 s for
 * the stemmed index, 128 and 4.8 s for the plain one. With the pauses, on a copy cut up by 4,000 saves:
 * 313 + 105 steps, 28.5 s in all, and saves made meanwhile waited 0.9 ms at the median, 86 ms at the
 * 99th percentile (bench/results/search-api-tail/README.md, stop 57). The pause outlasts SQLite's early
 * waits between tries for the lock, so a save that found a step running gets in before the next.
 */
export const MERGE_STEP = { pages: 200, pauseMs: 50 };

export interface UpkeepOptions {
  /** Where the start, end or failure of a merge is told, as JSON lines (default: standard output). */
  log?: (line: string) => void;
  step?: { pages: number; pauseMs: number };
}

/** What the worker posts: each index's steps once it is merged, or why it stopped. */
type WorkerOutcome = { done: { table: PassageIndex; steps: number; seconds: number; longestMs: number }[] } | { error: string };

const running = new Map<string, Promise<void>>();

/** The worker's entry, started by path, never bundled (lib/db/worker-file.ts). */
const entryFile = () => workerFile('lib/db/sqlite', 'index-merge-worker.mjs', import.meta.url, 'The index merge worker');

/**
 * Starts merging, in the background, each passage index of the writer's SQLite file that mergeAdvised
 * says is worth it; does nothing when none is, when one such merge runs already, or on PostgreSQL.
 * Never throws: a failure is logged, and searches stay exact, only slower, until a later try.
 */
export function mergeIndexesWhenAdvised(writer: Writer, options: UpkeepOptions = {}): void {
  if (isPostgresUrl(writer.file) || running.has(writer.file)) return;
  const log = options.log ?? ((line: string) => void process.stdout.write(line));
  const step = options.step ?? MERGE_STEP;
  let advised: { table: PassageIndex; shape: IndexShape }[];
  try {
    advised = PASSAGE_INDEXES.flatMap((table) => {
      const shape = mergeAdvised(writer.db, table);
      return shape ? [{ table, shape }] : [];
    });
  } catch (error) {
    log(logLine('error', 'Reading how the search indexes are cut into segments failed', { error: (error as Error).message }));
    return;
  }
  if (advised.length === 0) return;
  log(logLine('info', 'Merging search indexes in the background', { indexes: advised.map(({ table, shape }) => ({ table, ...shape })) }));

  const run = new Promise<void>((resolve) => {
    let outcome: WorkerOutcome | undefined;
    let worker: Worker;
    try {
      worker = new Worker(entryFile(), {
        workerData: {
          file: writer.file,
          tables: advised.map(({ table }) => table),
          pages: step.pages,
          pauseMs: step.pauseMs,
          busyTimeoutMs: DEFAULT_BUSY_TIMEOUT_MS,
        },
        execArgv: [],
      });
    } catch (error) {
      log(logLine('error', 'Merging search indexes failed', { error: (error as Error).message }));
      return resolve();
    }
    // Upkeep, not work a script waits for: a process may end during it, leaving the steps done so far.
    worker.unref();
    worker.on('message', (message: WorkerOutcome) => void (outcome = message));
    worker.on('error', (error) => void (outcome = { error: error.message }));
    worker.on('exit', () => {
      if (outcome && 'done' in outcome) {
        const merged = outcome.done.map((index) => ({ ...index, ...readShape(writer, index.table) }));
        log(logLine('info', 'Merged search indexes', { indexes: merged }));
      } else {
        log(logLine('error', 'Merging search indexes failed', { error: outcome?.error ?? 'the worker stopped without a word' }));
      }
      resolve();
    });
  }).finally(() => running.delete(writer.file));
  running.set(writer.file, run);
}

/** Resolves when the background merge of `file` (if any) is over: for tests and scripts. */
export const indexesMerged = (file: string): Promise<void> => running.get(file) ?? Promise.resolve();

/** An index's shape after its merge, for the log; a failed read (the writer closed meanwhile) leaves it out. */
function readShape(writer: Writer, table: PassageIndex): Partial<IndexShape> {
  try {
    return writer.db.open ? shapeOf(writer.db, table) : {};
  } catch {
    return {};
  }
}

function logLine(level: 'info' | 'error', msg: string, fields: Record<string, unknown>): string {
  return `${JSON.stringify({ time: new Date().toISOString(), level, msg, ...fields })}\n`;
}
