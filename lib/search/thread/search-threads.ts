// Searches on threads of their own, each with its own read-only SQLite connection, so that the
// server's main thread is left to route requests and render pages, and a second core does the
// searching. On one thread, ten readers' searches (~6.5 ms of CPU each at 100,000 passages, half a
// second for the slowest at 1,000,000) waited behind each other and behind every page being rendered.
//
// A thread takes ~1 s to start (tsx compiles the search modules). Until one is ready, and if one
// stops while it searches, the search runs on the main thread as before: nobody waits for a thread.
import 'server-only';
import { Worker } from 'node:worker_threads';
import { workerFile } from '@/lib/db';
import type { SearchRequest, SearchResponse } from '@/lib/search/types';
import type { AnswerForm, FromThread, ToThread } from './messages';

export interface SearchThreads {
  /** `request` searched on the least busy ready thread; by `here` when none is ready or the thread stops meanwhile. */
  search(request: SearchRequest, here: () => Promise<SearchResponse>): Promise<SearchResponse>;
  /** As `search`, answered as the search API's JSON text (lib/data/search-answer.ts); `here` must give the same text. */
  searchJson(request: SearchRequest, here: () => Promise<string>): Promise<string>;
  /** How many threads are ready to search. */
  readonly ready: number;
  /** Stops every thread; searches under way on one finish by `here`. */
  close(): Promise<void>;
}

export interface SearchThreadOptions {
  /** The archive's SQLite file, opened read-only by each thread. */
  file: string;
  count: number;
  /** Where a thread that fails or stops is told of. */
  warn?: (message: string) => void;
  /** The threads' entry file: search-thread-start.mjs, found beside the sources, by default. */
  entry?: () => string;
}

/** How many threads to start: the setting (SEARCH_THREADS), or by default one fewer than the cores, at least one and at most four. */
export const searchThreadCount = (setting: number | undefined, cores: number): number => setting ?? Math.min(4, Math.max(1, cores - 1));

/** A thread stopped this many times after it had been ready is not started again. */
const MOST_RESTARTS = 5;

interface Waiting {
  form: AnswerForm;
  /** The answer in the form asked for. */
  resolve(answer: SearchResponse | string): void;
  reject(error: Error): void;
  /** The search run on the main thread instead, when this thread stops before answering. */
  instead(): void;
}

interface Thread {
  worker: Worker;
  ready: boolean;
  waiting: Map<number, Waiting>;
}

/** The thread's entry, started by path, not bundled (lib/db/worker-file.ts). */
const entryFile = () => workerFile('lib/search/thread', 'search-thread-start.mjs', import.meta.url, "The search thread's entry");

export function startSearchThreads({ file, count, warn = console.warn, entry = entryFile }: SearchThreadOptions): SearchThreads {
  const threads = new Set<Thread>();
  let nextId = 0;
  let restarts = 0;
  let closed = false;

  const start = () => {
    let worker: Worker;
    try {
      // execArgv []: the entry brings its own loader (tsx) and hook, whatever this process was started with.
      worker = new Worker(entry(), { workerData: { file }, execArgv: [] });
    } catch (error) {
      // A deployment without the sources beside its build, say: the searches stay on the main thread.
      warn(`A search thread did not start (${error instanceof Error ? error.message : String(error)}); searches run on the main thread.`);
      return;
    }
    const thread: Thread = { worker, ready: false, waiting: new Map() };
    threads.add(thread);
    // The server's exit does not wait for an idle search thread.
    worker.unref();
    worker.on('message', (message: FromThread) => {
      if ('ready' in message) {
        thread.ready = true;
        return;
      }
      const waiting = thread.waiting.get(message.id);
      if (!waiting) return;
      thread.waiting.delete(message.id);
      if ('error' in message) waiting.reject(new Error(message.error));
      else if ('response' in message && waiting.form === 'response') waiting.resolve(message.response);
      else if ('json' in message && waiting.form === 'json') waiting.resolve(message.json);
      // A thread running other code than this one's (never sent as asked): no object may go out as the API's text.
      else waiting.reject(new Error(`The search thread answered in another form than the ${waiting.form} asked for.`));
    });
    let failure: Error | undefined;
    worker.on('error', (error) => (failure = error));
    worker.on('exit', (code) => {
      threads.delete(thread);
      for (const waiting of thread.waiting.values()) waiting.instead();
      thread.waiting.clear();
      if (closed) return;
      const why = failure ? failure.message : `exit code ${code}`;
      if (!thread.ready) {
        warn(`A search thread did not start (${why}); searches run on the main thread.`);
      } else if (restarts < MOST_RESTARTS) {
        restarts++;
        warn(`A search thread stopped (${why}); starting another.`);
        start();
      } else {
        warn(`A search thread stopped (${why}) after ${MOST_RESTARTS} restarts; searches run on the main thread.`);
      }
    });
  };
  for (let i = 0; i < count; i++) start();

  const leastBusy = (): Thread | undefined => {
    let best: Thread | undefined;
    for (const thread of threads) if (thread.ready && (!best || thread.waiting.size < best.waiting.size)) best = thread;
    return best;
  };

  /** The thread's answer is resolved only in the form asked for, which is what `here` gives: the resolve's cast holds. */
  const ask = <Answer extends SearchResponse | string>(request: SearchRequest, form: AnswerForm, here: () => Promise<Answer>): Promise<Answer> => {
    const thread = leastBusy();
    if (!thread) return here();
    const id = nextId++;
    return new Promise<Answer>((resolve, reject) => {
      thread.waiting.set(id, { form, resolve: resolve as (answer: SearchResponse | string) => void, reject, instead: () => here().then(resolve, reject) });
      thread.worker.postMessage({ id, request, form } satisfies ToThread);
    });
  };

  return {
    search: (request, here) => ask(request, 'response', here),
    searchJson: (request, here) => ask(request, 'json', here),
    get ready() {
      let n = 0;
      for (const thread of threads) if (thread.ready) n++;
      return n;
    },
    async close() {
      closed = true;
      await Promise.all([...threads].map((thread) => thread.worker.terminate()));
    },
  };
}
