// The ranking lists built on two threads (a worker and the build take turns reading the words' lists) are the lists the
// one-thread build makes, on the benchmark's generated corpus; and reads that another connection's
// commit may have outdated are thrown away, not written.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWriter, type Writer } from '@/lib/db';
import { buildTermImpacts, buildTermImpactsOnTwoThreads } from '@/lib/search/top-k/build';
import { generatedCorpusForFile } from '@/tests/support/generated-corpus';

const corpus = generatedCorpusForFile({ n: 3000, seed: 11 });
const OPTIONS = { minPassages: 120, listSize: 80 };
let writer: Writer;

beforeAll(() => {
  writer = openWriter(corpus.file);
});
afterAll(() => writer?.close());

/** Every list and entry as stored. */
const lists = () => ({
  lists: writer.db.prepare('SELECT id, term, floor FROM TermImpactList ORDER BY id').all(),
  entries: writer.db.prepare('SELECT listId, score, passageId, weight, length FROM TermImpact ORDER BY listId, score DESC, passageId').all(),
});

describe('building the ranking lists on two threads', () => {
  it('makes exactly the lists the one-thread build makes, some of them read on the worker', async () => {
    writer.write((db) => buildTermImpacts(db, OPTIONS));
    const oneThread = lists();
    expect(oneThread.lists.length).toBeGreaterThan(10);
    writer.db.exec('DELETE FROM TermImpact; DELETE FROM TermImpactList');

    // A worker thread takes a few hundred milliseconds to start, and on a loaded machine (two test
    // files at once on two cores) this thread once read every word before the worker took one. So it
    // pauses for 2 s after its first word (progress is told on this thread, synchronously, until its
    // reads are done): both threads then read some, whatever the load.
    let paused = false;
    const pauseOnce = () => {
      if (!paused) Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 2_000);
      paused = true;
    };
    const report = await buildTermImpactsOnTwoThreads(writer, { ...OPTIONS, onProgress: pauseOnce });
    expect(lists()).toEqual(oneThread);
    expect(report.lists).toBe(oneThread.lists.length);
    // The threads take turns word by word: each reads some.
    expect(report.readOnWorker).toBeGreaterThan(0);
    expect(report.readOnWorker).toBeLessThan(oneThread.lists.length);
  });

  it('throws the reads away when another connection commits before the lists are written', async () => {
    const other = openWriter(corpus.file);
    try {
      const word = (writer.db.prepare('SELECT term FROM TermImpactList ORDER BY id DESC LIMIT 1').pluck().get() as string)!;
      let added = 0;
      // The least frequent word with a list. While the lists are being read, another connection adds a
      // passage that is that word forty times: it ranks among the word's best, so its list must hold it.
      const report = await buildTermImpactsOnTwoThreads(writer, {
        ...OPTIONS,
        onProgress: () => {
          if (added) return;
          added = other.write(
            (db) =>
              db
                .prepare(
                  `INSERT INTO Passage (documentId, position, anchor, kind, text, updatedAt)
                   SELECT id, 100000, 100000, 'paragraph', ?, '2026-01-01' FROM Document ORDER BY id LIMIT 1`,
                )
                .run(`${Array(40).fill(word).join(' ')}.`).lastInsertRowid as number,
          );
        },
      });
      expect(added).toBeGreaterThan(0);
      expect(report.readOnWorker).toBe(0);
      const listed = writer.db.prepare('SELECT t.passageId FROM TermImpact t JOIN TermImpactList l ON l.id = t.listId WHERE l.term = ?').pluck().all(word);
      expect(listed).toContain(added);
      // And the lists are those a one-thread build makes of the archive as it is now.
      const twoThreads = lists();
      writer.write((db) => buildTermImpacts(db, OPTIONS));
      expect(twoThreads).toEqual(lists());
    } finally {
      other.close();
    }
  });
});
