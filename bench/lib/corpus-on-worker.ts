// The synthetic corpus generated on a worker thread (corpus-worker.mjs) while the load's thread inserts
// it. Generating the text is the benchmark's stand-in for reading an archive's files, and an importer
// reads its next file while it writes the last one: on one thread, generating took 22-29 s of a
// 1,000,000-passage load's rows phase while the second core sat idle. The documents come in order,
// the same as generateCorpus gives on this thread (the same seed), taken synchronously: the
// load runs inside a transaction, which cannot await.
import { MessageChannel, receiveMessageOnPort, Worker, type MessagePort } from 'node:worker_threads';
import type { CorpusDocument, CorpusStats } from './corpus';

/** Batches the worker may have posted that this thread has not taken yet. */
const AHEAD = 4;
/** Taken as gone when no batch arrives for this long (a thread that failed to start cannot say so, nor be heard while this one waits). */
const SILENCE_MS = 60_000;

/**
 * The documents of the corpus of `n` passages from `seed`, generated on a worker thread in batches of
 * about `batchPassages` passages; `stats` (as generateCorpus keeps them) are brought up to date as
 * each batch is taken. Stops the worker when done or abandoned.
 */
export function* generateCorpusOnWorker(n: number, seed: number, stats: CorpusStats, batchPassages: number): Generator<CorpusDocument> {
  const counts = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  const worker = new Worker(new URL('./corpus-worker.mjs', import.meta.url), {
    workerData: { n, seed, batchPassages, ahead: AHEAD, port: port2, state: counts.buffer },
    transferList: [port2],
    // None of the parent's loaders: the worker loads the generator through tsx itself.
    execArgv: [],
  });
  // A failure is told on the port, or shows as silence: this thread, waiting synchronously, cannot see the event.
  worker.on('error', () => undefined);
  try {
    for (let taken = 0; ;) {
      const message = next(port1, counts, taken) as { documents?: CorpusDocument[]; stats?: CorpusStats; done?: boolean; error?: string };
      taken += 1;
      Atomics.store(counts, 1, taken);
      Atomics.notify(counts, 1);
      if (message.error) throw new Error(`The corpus could not be generated on its worker thread: ${message.error}`);
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
function next(port: MessagePort, counts: Int32Array, taken: number): unknown {
  const since = Date.now();
  for (;;) {
    const received = receiveMessageOnPort(port);
    if (received) return received.message;
    const posted = Atomics.load(counts, 0);
    // Posted but not yet received: look again at once.
    if (posted > taken) continue;
    if (Date.now() - since > SILENCE_MS)
      throw new Error(`The corpus could not be generated on its worker thread: it has not answered for ${SILENCE_MS / 1000} s.`);
    Atomics.wait(counts, 0, posted, 1000);
  }
}
