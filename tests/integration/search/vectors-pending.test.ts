// Which passages still need vectors: the embedder asks after every editorial write, so it must not
// scan every passage (at 1,000,000 passages that is a full-table scan per save). Triggers mark the
// passages without vectors (migration 20261202050000); here the marked count and list always equal the
// full scan's answer through inserts, text edits, deletes and a rebuild, on the real seeded archive,
// and the statements read the marks, never the whole Passage table.
import { afterAll, describe, expect, it } from 'vitest';
import { closeVectorReaders, databaseFilePath, vectors, withWriter } from '@/lib/db';
import { COUNT_PENDING_MARKED, PENDING_MARKED } from '@/lib/db/sqlite/vectors';
import { prisma } from '@/lib/db/client';
import { env } from '@/lib/env';
import { embedPending } from '@/lib/search/vectors/embed-pending';
import { EMBEDDING_MODEL } from '@/lib/search/vectors/model';

const file = databaseFilePath(env.DATABASE_URL);
const writer = withWriter(file);
const TS = '2026-01-01T00:00:00.000+00:00';

/** The definition, by a scan of every passage. */
const scanned = () =>
  (
    writer.db
      .prepare(
        `SELECT p.id FROM Passage p WHERE trim(p.text) <> ''
         AND NOT EXISTS (SELECT 1 FROM PassageEmbedding e WHERE e.passageId = p.id AND e.model = ?) ORDER BY p.id`,
      )
      .pluck()
      .all(EMBEDDING_MODEL) as number[]
  ).map(Number);
const marked = () => vectors.pending(writer.db, EMBEDDING_MODEL, 1000).map((p) => Number(p.id));
const count = () => vectors.countPending(writer.db, EMBEDDING_MODEL);
const run = (sqlText: string, ...params: unknown[]) => writer.write((db) => db.prepare(sqlText).run(...params));

afterAll(async () => {
  closeVectorReaders();
  await prisma.$disconnect();
});

describe('pending passages, by their marks', () => {
  it('read the marks, not every passage', () => {
    for (const [statement, params] of [
      [COUNT_PENDING_MARKED, [EMBEDDING_MODEL]],
      [PENDING_MARKED, [EMBEDDING_MODEL, 10]],
    ] as const) {
      const plan = (writer.db.prepare(`EXPLAIN QUERY PLAN ${statement}`).all(...params) as { detail: string }[]).map((r) => r.detail);
      expect(plan.join(' / ')).toMatch(/SCAN m\b/);
      expect(plan.join(' / ')).not.toMatch(/SCAN p\b/);
    }
  });

  it('none on the embedded seed', () => {
    expect(count()).toBe(0);
    expect(marked()).toEqual([]);
    expect(scanned()).toEqual([]);
  });

  it('equal the full scan through edits, new passages, emptied texts, deletes and a rebuild', async () => {
    const ids = (writer.db.prepare('SELECT id FROM Passage ORDER BY id').pluck().all() as number[]).map(Number);
    run(`UPDATE Passage SET text = text || ' (edited)' WHERE id IN (?, ?)`, ids[1], ids[5]); // the trigger drops their vectors
    run(`INSERT INTO Passage (documentId, position, anchor, kind, text, updatedAt) VALUES (1, 900, 900, 'paragraph', 'A new paragraph.', ?)`, TS);
    run(`INSERT INTO Passage (documentId, position, anchor, kind, text, updatedAt) VALUES (1, 901, 901, 'paragraph', '   ', ?)`, TS); // nothing to embed
    expect(marked()).toEqual(scanned());
    expect(count()).toBe(scanned().length);
    expect(count()).toBe(3);

    run('DELETE FROM Passage WHERE id = ?', ids[5]); // pending, then gone
    run(`UPDATE Passage SET text = '' WHERE id = ?`, ids[7]); // emptied: its vectors go, and there is nothing to embed
    expect(marked()).toEqual(scanned());
    expect(count()).toBe(2);

    await embedPending(file);
    expect(count()).toBe(0);
    expect(scanned()).toEqual([]);

    writer.write((db) => vectors.clear(db)); // a rebuild: every passage pending again
    expect(count()).toBe(scanned().length);
    expect(marked()).toEqual(scanned().slice(0, 1000));
    await embedPending(file);
    expect(count()).toBe(0);
  });

  it('while vectors of another model are kept, count every passage that lacks this model’s', () => {
    const id = Number(writer.db.prepare('SELECT min(id) FROM Passage').pluck().get());
    run('UPDATE PassageEmbedding SET model = ? WHERE passageId = ?', 'an-older-model', id); // not marked: it has vectors
    expect(scanned()).toEqual([id]);
    expect(count()).toBe(1);
    expect(marked()).toEqual([id]);
  });
});
