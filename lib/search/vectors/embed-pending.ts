// Keeps the vectors in step with the passages. Consistency, in two steps:
//  1. In the transaction of any write, the migration's triggers delete a passage's vectors when its
//     text changes, and the foreign key's cascade when it is deleted: from the commit on, no passage
//     can be found by a meaning it no longer has.
//  2. After the commit, embedPending() embeds every passage without vectors of the current model
//     (new, edited, split, merged, restored, imported) and stores them, each in a write transaction that
//     first checks the text is still the one embedded. Until then (~0.15 s a passage) the passage is
//     found by its words only, not yet by its new meaning.
// Which passages need vectors is read from the marks PassageEmbeddingPending keeps by trigger
// (migration 20261202050000), so the look after every editorial write costs a few rows, not a scan.
// Runs are serialized per database file in this process; a call made while one runs waits for it and
// then looks again, so awaiting embedPending() means "everything saved so far is embedded".
import 'server-only';
import { vectors, withWriter, type Writer } from '@/lib/db';
import { chunkPassage } from './chunks';
import { EMBEDDING_MODEL, embedTexts } from './model';
import { quantize } from './quantize';

export interface EmbedProgress {
  done: number;
  total: number;
}

export interface EmbedOptions {
  /** Forget every vector first and embed every passage again. */
  rebuild?: boolean;
  onProgress?: (progress: EmbedProgress) => void;
}

export interface EmbedReport {
  passages: number;
  chunks: number;
}

const BATCH = 32;
// A passage edited this many times while being embedded is left for the next run, so a run ends.
const MAX_ATTEMPTS = 3;

const queues = new Map<string, { running: Promise<unknown>; waiting?: Promise<EmbedReport>; target: string | Writer }>();

/**
 * Embeds every passage without vectors in the database `target`: a file (written through its shared
 * writer) or a writer (used while it is open: a run whose writer its owner closes stops, and what is
 * left stays pending).
 */
export function embedPending(target: string | Writer, options: EmbedOptions = {}): Promise<EmbedReport> {
  const file = typeof target === 'string' ? target : target.file;
  const queue = queues.get(file);
  // A run already waiting, on the same writer, will see every write made until it starts: join it (a
  // rebuild never joins).
  if (queue?.waiting && queue.target === target && !options.rebuild) return queue.waiting;
  const previous = queue?.running ?? Promise.resolve();
  const run = previous
    .catch(() => undefined)
    .then(() => {
      const entry = queues.get(file);
      if (entry?.waiting === run) entry.waiting = undefined;
      return embedAll(typeof target === 'string' ? () => withWriter(file) : () => (target.db.open ? target : null), options);
    });
  const entry = { running: run, waiting: run, target };
  queues.set(file, entry);
  void run
    .catch(() => undefined)
    .then(() => {
      if (queues.get(file)?.running === run) queues.delete(file);
    });
  return run;
}

/**
 * Starts embedPending() after a committed write and does not wait for it: the editor's save is not
 * held up by the encoder. A failure is reported on stderr; the passage stays pending for the next run
 * (`npm run search:embed` embeds whatever is left).
 */
export function embedAfterWrite(writer: Writer): void {
  embedPending(writer).catch((error: Error) => {
    console.error(`Embedding the saved passages failed (they stay pending; \`npm run search:embed\` retries): ${error.message}`);
  });
}

/** `writer()` is the writer to use now, or null when its owner has closed it (the run stops). */
async function embedAll(writer: () => Writer | null, { rebuild, onProgress }: EmbedOptions): Promise<EmbedReport> {
  const report: EmbedReport = { passages: 0, chunks: 0 };
  const start = writer();
  if (!start) return report;
  if (rebuild) start.write((db) => vectors.clear(db));
  const total = vectors.countPending(start.db, EMBEDDING_MODEL);
  if (total === 0) return report;
  onProgress?.({ done: 0, total });
  const attempts = new Map<number, number>();
  for (;;) {
    const now = writer();
    if (!now) return report;
    const batch = vectors.pending(now.db, EMBEDDING_MODEL, BATCH + attempts.size).filter((p) => (attempts.get(p.id) ?? 0) < MAX_ATTEMPTS);
    if (batch.length === 0) return report;
    for (const passage of batch.slice(0, BATCH)) {
      const chunks = chunkPassage(passage.text);
      const embedded = (await embedTexts(chunks)).map(quantize);
      const target = writer();
      if (!target) return report;
      const stored = target.write((db) => vectors.store(db, passage.id, passage.text, EMBEDDING_MODEL, embedded));
      if (stored) {
        report.passages += 1;
        report.chunks += chunks.length;
        onProgress?.({ done: report.passages, total: Math.max(total, report.passages) });
      } else {
        attempts.set(passage.id, (attempts.get(passage.id) ?? 0) + 1);
      }
    }
  }
}
