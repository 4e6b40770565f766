// A worker thread of the benchmark's loader (corpus-on-worker.ts): generates the synthetic corpus
// (corpus.ts, the same seed, so the very documents the load's thread would generate) and posts it in
// batches, while the load's thread inserts the batches before. Plain JavaScript that loads the
// TypeScript generator through tsx itself, so it runs under any parent (tsx, Vitest). At most
// AHEAD batches wait unread: a generator faster than the inserts does not fill the memory.
import { workerData } from 'node:worker_threads';

const { n, seed, batchPassages, ahead, port } = workerData;
// counts[POSTED]: batches posted (a failure's message counts as one), counts[TAKEN]: batches the load's thread has taken.
const counts = new Int32Array(workerData.counts);
const POSTED = 0;
const TAKEN = 1;

function post(message) {
  // Wait (in turns of a second) while `ahead` batches are still unread.
  for (let taken = Atomics.load(counts, TAKEN); Atomics.load(counts, POSTED) - taken >= ahead; taken = Atomics.load(counts, TAKEN))
    Atomics.wait(counts, TAKEN, taken, 1000);
  port.postMessage(message);
  Atomics.add(counts, POSTED, 1);
  Atomics.notify(counts, POSTED);
}

try {
  // Imported here, so that a failure to load tsx is told like any other.
  const { tsImport } = await import('tsx/esm/api');
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
