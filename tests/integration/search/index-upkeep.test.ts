// The server's background merge of the passage indexes (lib/db/sqlite/index-upkeep.ts), on copies of a
// 10,000-passage corpus (the smallest archive it merges) that single-passage saves have cut up: a real
// worker thread merges them a step at a time, the archive finds exactly what it found before, saves
// made meanwhile are kept, an editor's save starts it, and a merge that cannot take the write lock is
// logged and leaves the index as it was, for the next try to merge.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Editor } from '@/lib/auth/editor';
import { loadCorpus } from '@/bench/lib/load';
import { indexesMerged, MERGE_ADVICE, mergeIndexesWhenAdvised, openDatabase, openWriter, shapeOf, type SqliteDb, type Writer } from '@/lib/db';
import { updatePassage } from '@/lib/editorial';
import { copyTemplate } from '@/tests/support/per-file-database';
import { findings, saveUntil } from '@/tests/support/index-segments';

const editor: Editor = { id: 'u-ada', name: 'Ada Editor', email: 'ada@example.org', role: 'editor' };
/** Small steps, so that even this corpus's merge takes several, with saves between them. */
const STEP = { pages: 20, pauseMs: 5 };

let dir: string;
let corpus: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(os.tmpdir(), 'index-upkeep-'));
  corpus = (await loadCorpus({ n: MERGE_ADVICE.minPassages, seed: 5, cacheDir: dir })).info.file;
  copyFileSync(corpus, path.join(dir, 'whole.db'));
}, 120_000);
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const writers: Writer[] = [];
afterAll(() => writers.forEach((writer) => writer.close()));

/** A writer on a copy of the corpus whose saves have left 2% or more of its stemmed index outside the largest segment. */
function cutUpArchive(): Writer {
  const file = path.join(dir, `cut-up-${writers.length}.db`);
  copyFileSync(corpus, file);
  const writer = openWriter(file);
  writers.push(writer);
  saveUntil(writer.db, () => shapeOf(writer.db, 'passage_fts').outsideLargest >= MERGE_ADVICE.outsideLargest);
  return writer;
}

const logTo = (lines: Record<string, unknown>[]) => (line: string) => void lines.push(JSON.parse(line) as Record<string, unknown>);

function expectIntact(db: SqliteDb) {
  db.exec(`INSERT INTO passage_fts (passage_fts, rank) VALUES ('integrity-check', 1)`);
  db.exec(`INSERT INTO passage_words_fts (passage_words_fts, rank) VALUES ('integrity-check', 0)`);
}

describe('the background merge of the passage indexes', () => {
  it('merges a cut-up index a step at a time on a worker thread, and the archive finds exactly what it found before', { timeout: 120_000 }, async () => {
    const writer = cutUpArchive();
    const before = { shape: shapeOf(writer.db, 'passage_fts'), findings: findings(writer.db) };
    expect(before.shape.segments).toBeGreaterThan(1);
    const lines: Record<string, unknown>[] = [];

    mergeIndexesWhenAdvised(writer, { log: logTo(lines), step: STEP });
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'info',
        msg: 'Merging search indexes in the background',
        indexes: expect.arrayContaining([{ table: 'passage_fts', ...before.shape }]),
      }),
    ]);
    await indexesMerged(writer.file);

    expect(shapeOf(writer.db, 'passage_fts')).toEqual({ segments: 1, outsideLargest: 0 });
    expect(findings(writer.db)).toEqual(before.findings);
    expectIntact(writer.db);
    const merged = (lines[1]!.indexes as Record<string, unknown>[]).find((index) => index.table === 'passage_fts');
    expect(lines[1]).toMatchObject({ level: 'info', msg: 'Merged search indexes' });
    expect(merged).toMatchObject({ segments: 1, outsideLargest: 0 });
    expect(merged!.steps).toBeGreaterThan(2);
  });

  it('keeps the saves made while it merges, between its steps', { timeout: 120_000 }, async () => {
    const writer = cutUpArchive();
    const ids = writer.db.prepare('SELECT id FROM Passage ORDER BY id LIMIT 40').pluck().all() as number[];
    const mark = writer.db.prepare("UPDATE Passage SET text = text || ' quokka' || ? WHERE id = ?");
    let over = false;
    mergeIndexesWhenAdvised(writer, { log: () => {}, step: STEP });
    void indexesMerged(writer.file).then(() => (over = true));

    const saved: number[] = [];
    while (!over && saved.length < ids.length) {
      await new Promise((resolve) => setTimeout(resolve, 3));
      const id = ids[saved.length]!;
      writer.write(() => mark.run(saved.length, id));
      saved.push(id);
    }
    await indexesMerged(writer.file);

    expect(saved.length).toBeGreaterThan(2);
    const found = writer.db.prepare('SELECT rowid FROM passage_fts WHERE passage_fts MATCH ?').pluck();
    saved.forEach((id, i) => expect(found.all(`quokka${i}`)).toEqual([id]));
    expect(shapeOf(writer.db, 'passage_fts').outsideLargest).toBeLessThan(MERGE_ADVICE.outsideLargest);
    expectIntact(writer.db);
  });

  it("starts after an editor's save that finds the index cut up", { timeout: 120_000 }, async () => {
    const writer = cutUpArchive();
    const { documentId, anchor, version } = writer.db
      .prepare('SELECT p.documentId, p.anchor, d.version FROM Passage p JOIN Document d ON d.id = p.documentId ORDER BY p.id LIMIT 1')
      .get() as { documentId: number; anchor: number; version: number };
    const written: string[] = [];
    const write = process.stdout.write;
    process.stdout.write = ((line: string) => {
      written.push(line);
      return true;
    }) as typeof process.stdout.write;
    try {
      await updatePassage(editor, { documentId, expectedVersion: version, anchor, text: 'A corrected answer about the wombat.' }, { writer });
      await indexesMerged(writer.file);
    } finally {
      process.stdout.write = write;
    }
    expect(written.map((line) => JSON.parse(line).msg)).toEqual(['Merging search indexes in the background', 'Merged search indexes']);
    expect(shapeOf(writer.db, 'passage_fts').outsideLargest).toBeLessThan(MERGE_ADVICE.outsideLargest);
    expect(writer.db.prepare("SELECT count(*) FROM passage_fts WHERE passage_fts MATCH 'wombat'").pluck().get()).toBe(1);
  });

  it('leaves alone an index in one segment, and an archive under 10,000 passages however cut up', { timeout: 120_000 }, async () => {
    const lines: Record<string, unknown>[] = [];
    const whole = openWriter(path.join(dir, 'whole.db'));
    writers.push(whole);
    expect(shapeOf(whole.db, 'passage_fts')).toEqual({ segments: 1, outsideLargest: 0 });
    mergeIndexesWhenAdvised(whole, { log: logTo(lines) });

    const small = openWriter(copyTemplate('seededTemplate'));
    writers.push(small);
    saveUntil(small.db, () => shapeOf(small.db, 'passage_fts').segments >= 8);
    expect(shapeOf(small.db, 'passage_fts').outsideLargest).toBeGreaterThan(MERGE_ADVICE.outsideLargest);
    mergeIndexesWhenAdvised(small, { log: logTo(lines) });

    await Promise.all([indexesMerged(whole.file), indexesMerged(small.file)]);
    expect(lines).toEqual([]);
    expect(shapeOf(small.db, 'passage_fts').segments).toBeGreaterThanOrEqual(8);
  });

  it('logs a merge that cannot take the write lock, leaves the index as it was, and merges at the next try', { timeout: 120_000 }, async () => {
    const writer = cutUpArchive();
    const before = shapeOf(writer.db, 'passage_fts');
    // Another connection holds the write lock past the worker's wait for it (5 s).
    const holder = openDatabase(writer.file);
    holder.exec('BEGIN IMMEDIATE');
    const lines: Record<string, unknown>[] = [];
    try {
      mergeIndexesWhenAdvised(writer, { log: logTo(lines), step: STEP });
      await indexesMerged(writer.file);
    } finally {
      holder.exec('ROLLBACK');
      holder.close();
    }
    expect(lines.map((line) => line.msg)).toEqual(['Merging search indexes in the background', 'Merging search indexes failed']);
    expect(lines[1]!.error).toMatch(/database is locked/);
    expect(shapeOf(writer.db, 'passage_fts')).toEqual(before);

    mergeIndexesWhenAdvised(writer, { log: logTo(lines), step: STEP });
    await indexesMerged(writer.file);
    expect(lines.at(-1)).toMatchObject({ msg: 'Merged search indexes' });
    expect(shapeOf(writer.db, 'passage_fts')).toEqual({ segments: 1, outsideLargest: 0 });
  });
});
