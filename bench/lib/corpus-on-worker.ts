// The synthetic corpus generated on a worker thread (corpus-worker.mjs) while the load's thread inserts
// it. Generating the text is the benchmark's stand-in for reading an archive's files, and an importer
// reads its next file while it writes the last one (bench/README.md has the figures). The documents
// come in order, the same as generateCorpus gives on this thread (the same seed), taken synchronously:
// the load runs inside a transaction, which cannot await.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { CorpusDocument, CorpusStats } from './corpus';

/**
 * Batches the worker may have posted that this thread has not taken yet: with the one being inserted
 * and the one the worker is making, at most AHEAD + 2 batches are held at once.
 */
const AHEAD = 4;
/** Taken as gone when no batch arrives for this long (a thread that failed to start cannot say so). */
const SILENCE_MS = 60_000;
/** The shared counters (as corpus-worker.mjs names them): batches posted (a failure's message counts as one), batches taken. */
const POSTED = 0;
const TAKEN = 1;
const FAILED = 'The corpus could not be generated on its worker thread';

let running = 0;
/** How many corpus workers are still running (they stop once done or abandoned): for the tests. */
export const runningCorpusWorkers = () => running;

/**
 * The documents of the corpus of `n` passages from `seed`, generated on a worker thread in batches of
 * about `batchPassages` passages. `stats` (as generateCorpus keeps them, starting empty) are replaced
 * by the worker's as each batch is taken: up to a batch ahead of the documents given so far. Stops the
 * worker when done or abandoned (return()).
 */
export function* generateCorpusOnWorker(n: number, seed: number, stats: CorpusStats, batchPassages: number): Generator<CorpusDocument> {
  const counts = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL('./corpus-worker.mjs', import.meta.url), {
    workerData: { n, seed, batchPassages, ahead: AHEAD, port: port2, counts: counts.buffer },
    transferList: [port2],
    // None of the parent's loaders: the worker loads the generator through tsx itself.
    execArgv: [],
  });
  running += 1;
  worker.once('exit', () => (running -= 1));
  // A failure is told on the port (or shows as silence): this thread, waiting synchronously, sees no
  // event until the wait is over, and the worker's error then is the one already told.
  worker.on('error', () => undefined);
  try {
    for (let taken = 0; ;) {
      const message = takeMessage(port1, counts, taken) as { documents?: CorpusDocument[]; stats?: CorpusStats; done?: boolean; error?: string };
      taken += 1;
      Atomics.store(counts, TAKEN, taken);
      Atomics.notify(counts, TAKEN);
      if (message.error) throw new Error(`${FAILED}: ${message.error}`);
      Object.assign(stats, message.stats);
      yield* message.documents!;
      if (message.done) return;
    }
  } finally {
    port1.close();
    void worker.terminate();
  }
}

/** The next message, waiting for the worker to post it (`taken`: how many were taken before). */
function takeMessage(port: MessagePort, counts: Int32Array, taken: number): unknown {
  const since = Date.now();
  for (;;) {
    const received = receiveMessageOnPort(port);
    if (received) return received.message;
    if (Date.now() - since > SILENCE_MS) throw new Error(`${FAILED}: it has not answered for ${SILENCE_MS / 1000} s.`);
    const posted = Atomics.load(counts, POSTED);
    // Posted but not yet received: look again at once.
    if (posted > taken) continue;
    Atomics.wait(counts, POSTED, posted, 1000);
  }
}
