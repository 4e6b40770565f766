// A worker thread that merges passage indexes into one segment each, a few hundred pages at a time
// (index-upkeep.ts starts it, after saves have left an index cut up). Each step is one short write
// transaction of its own, with a pause after it, so a save waits for one step at most (a few tens of
// milliseconds) and not for a whole merge (seconds at 1,000,000 passages); searches go on reading what
// the last step committed. The first step of an index is FTS5's ('merge', -pages): it puts every
// segment on one new level, above the highest in use, and starts merging them there, as 'optimize'
// would; the steps after, ('merge', pages), go on with it. A step that moves the connection's
// total_changes() by less than 2 did no work: the index is merged (FTS5's documented test). Plain
// JavaScript: it needs none of the parent's loaders. It posts `{ done: [...] }` with each index's
// steps, or `{ error }`.
import { parentPort, workerData } from 'node:worker_threads';

const { file, tables, pages, pauseMs, busyTimeoutMs } = workerData;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

let db;
try {
  const { default: Database } = await import('better-sqlite3');
  db = new Database(file);
  db.pragma(`busy_timeout = ${Math.max(0, Math.trunc(busyTimeoutMs))}`);
  const totalChanges = db.prepare('SELECT total_changes()').pluck();
  const done = [];
  for (const table of tables) {
    const merge = db.prepare(`INSERT INTO "${table}" ("${table}", rank) VALUES ('merge', ?)`);
    const step = db.transaction((n) => merge.run(n));
    const started = performance.now();
    let steps = 0;
    let longestMs = 0;
    for (;;) {
      const before = totalChanges.get();
      const stepStarted = performance.now();
      step.immediate(steps === 0 ? -pages : pages);
      longestMs = Math.max(longestMs, performance.now() - stepStarted);
      steps++;
      if (totalChanges.get() - before < 2) break;
      await pause(pauseMs);
    }
    done.push({ table, steps, seconds: (performance.now() - started) / 1000, longestMs });
  }
  parentPort.postMessage({ done });
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
} finally {
  db?.close();
}
