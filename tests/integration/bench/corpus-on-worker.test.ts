// The benchmark's corpus generated on a worker thread while the load inserts it (bench/lib/corpus-on-worker.ts)
// is the corpus generated on the load's own thread: the same documents in the same order, the same
// statistics (kept up to date batch by batch), and the same rows once loaded.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { openReadOnlyDatabase } from '@/lib/db';
import { emptyStats, generateCorpus, planCorpus } from '@/bench/lib/corpus';
import { generateCorpusOnWorker, runningCorpusWorkers } from '@/bench/lib/corpus-on-worker';
import { loadCorpus } from '@/bench/lib/load';

const dir = mkdtempSync(path.join(os.tmpdir(), 'corpus-on-worker-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the corpus generated on a worker thread', () => {
  it('is the corpus generated on this thread, document for document, with the same statistics', () => {
    const here = emptyStats();
    const expected = [...generateCorpus(planCorpus(3_000, 11), here)];
    const there = emptyStats();
    const passagesSeen: number[] = [];
    const documents = [];
    for (const document of generateCorpusOnWorker(3_000, 11, there, 400)) {
      documents.push(document);
      passagesSeen.push(there.passages);
    }
    expect(documents.length).toBeGreaterThan(50);
    expect(documents).toEqual(expected);
    expect(there).toEqual(here);
    // The statistics arrive with each batch: partway through, some passages are counted, not all.
    expect(passagesSeen[0]).toBeGreaterThanOrEqual(400);
    expect(passagesSeen[0]).toBeLessThan(3_000);
  });

  it('can be left partway: its worker stops, and the next one starts afresh', async () => {
    // The workers' exits are told once this thread is free (the one before, done, stops too).
    await vi.waitFor(() => expect(runningCorpusWorkers()).toBe(0), { timeout: 10_000 });
    const documents = generateCorpusOnWorker(3_000, 11, emptyStats(), 400);
    const first = documents.next();
    expect(first.done).toBe(false);
    expect(runningCorpusWorkers()).toBe(1);
    expect(documents.return(undefined).done).toBe(true);
    const again = generateCorpusOnWorker(3_000, 11, emptyStats(), 400);
    expect(again.next().value).toEqual(first.value);
    again.return(undefined);
    await vi.waitFor(() => expect(runningCorpusWorkers()).toBe(0), { timeout: 10_000 });
  });

  it('loads the very rows the load generating on its own thread does', async () => {
    const loaded = await Promise.all(
      [true, false].map(async (generateOnWorker) => {
        const { info } = await loadCorpus({ n: 3_000, seed: 11, cacheDir: path.join(dir, String(generateOnWorker)), generateOnWorker });
        const db = openReadOnlyDatabase(info.file);
        try {
          return {
            generatedOnWorker: info.phases?.generatedOnWorker,
            stats: info.stats,
            passages: db.prepare('SELECT id, documentId, position, kind, speakerId, text, questionId FROM Passage ORDER BY id').all(),
            documents: db.prepare('SELECT id, slug, kind, title, publishedOn, publishedUntil, status FROM Document ORDER BY id').all(),
            topics: db.prepare('SELECT passageId, topicId FROM PassageTopic ORDER BY passageId, topicId').all(),
          };
        } finally {
          db.close();
        }
      }),
    );
    const [onWorker, onThisThread] = loaded;
    expect(onWorker.generatedOnWorker).toBe(true);
    expect(onThisThread.generatedOnWorker).toBe(false);
    expect(onWorker.passages).toHaveLength(3_000);
    const { generatedOnWorker: _w, ...worker } = onWorker;
    const { generatedOnWorker: _t, ...thread } = onThisThread;
    expect(worker).toEqual(thread);
  }, 120_000);
});
