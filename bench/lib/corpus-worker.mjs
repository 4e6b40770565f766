// A worker thread of the benchmark's loader (corpus-on-worker.ts): generates the synthetic corpus
// (corpus.ts, the same seed, so the very documents the load's thread would generate) and posts it in
// batches, while the load's thread inserts the batches before. Plain JavaScript that loads the
// TypeScript generator through tsx itself, so it runs under any parent (tsx, Vitest). At most
// AHEAD batches wait unread: a generator faster than the inserts does not fill the memory.
import { tsImport } from 'tsx/esm/api';
import { workerData } from 'node:worker_threads';

const { n, seed, batchPassages, ahead, port, state } = workerData;
// state[0]: batches posted (a failure's message counts as one), state[1]: batches the load's thread has taken.
const counts = new Int32Array(state);
const POSTED = 0;
const TAKEN = 1;

function post(message) {
  // Wait (in turns of a second) while AHEAD batches are still unread.
  while (Atomics.load(counts, POSTED) - Atomics.load(counts, TAKEN) >= ahead) Atomics.wait(counts, TAKEN, Atomics.load(counts, TAKEN), 1000);
  port.postMessage(message);
  Atomics.add(counts, POSTED, 1);
  Atomics.notify(counts, POSTED);
}

try {
  const { emptyStats, generateCorpus, planCorpus } = await tsImport('./corpus.ts', import.meta.url);
  const stats = emptyStats();
  let batch = [];
  let passages = 0;
  for (const document of generateCorpus(planCorpus(n, seed), stats)) {
    batch.push(document);
    passages += document.passages.length;
    if (passages >= batchPassages) {
      post({ documents: batch, stats });
      batch = [];
      passages = 0;
    }
  }
  post({ documents: batch, stats, done: true });
} catch (error) {
  port.postMessage({ error: error instanceof Error ? (error.stack ?? error.message) : String(error) });
  Atomics.add(counts, POSTED, 1);
} finally {
  Atomics.notify(counts, POSTED);
  port.close();
}
