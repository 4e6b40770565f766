// passage_fts keeps no copy of the text (migration 20261202030000): it reads the text, speaker and
// title back from passage_fts_source. These tests make every kind of change, cascades included, and
// then ask FTS5 to compare its index with that text row by row ('integrity-check' with rank 1), and
// search for the new words and the old. The first proves the check can fail.
import { describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { searchPassages } from '@/lib/search/search-passages';
import { freshSeededDatabases } from '@/tests/support/fresh-seeded-db';

const ESSAY = 'how-to-really-bring-change-to-north-korea';
const freshDb = freshSeededDatabases();

const contentCheck = (db: PrismaClient) => db.$executeRawUnsafe(`INSERT INTO passage_fts (passage_fts, rank) VALUES ('integrity-check', 1)`);
const ids = async (db: PrismaClient, q: string) =>
  (await searchPassages(db, { q, page: 1, pageSize: 50, mode: 'lexical' })).hits.map((h) => h.passageId).sort();
const essayPassage = async (db: PrismaClient, anchor: number) =>
  db.passage.findFirstOrThrow({ where: { document: { slug: ESSAY }, anchor }, select: { id: true, speakerId: true, documentId: true } });

describe('the index without a copy of the text', () => {
  it('the check fails when the text changes behind the index (a write that bypassed the triggers)', async () => {
    const db = freshDb();
    const { id } = await essayPassage(db, 3);
    await db.$executeRawUnsafe('DROP TRIGGER passage_search_before_update');
    await db.$executeRawUnsafe('DROP TRIGGER passage_search_after_update');
    await db.$executeRawUnsafe(`UPDATE Passage SET text = 'changed behind the index' WHERE id = ${id}`);
    await expect(contentCheck(db)).rejects.toThrow(/checksum mismatch|malformed|corrupt/);
  });

  it('edit, rename, retitle and delete in turn: the index matches the text, and finds the new words only', async () => {
    const db = freshDb();
    const passage = await essayPassage(db, 2);
    await db.passage.update({ where: { id: passage.id }, data: { text: 'A paragraph about the quokka and nothing else.' } });
    await db.speaker.update({ where: { id: passage.speakerId! }, data: { name: 'Zebulon Quarrie' } });
    await db.document.update({ where: { id: passage.documentId }, data: { title: 'The Marmoset Papers' } });
    await contentCheck(db);
    expect(await ids(db, 'quokka')).toEqual([passage.id]);
    expect((await ids(db, 'zebulon')).length).toBeGreaterThan(1);
    expect((await ids(db, 'marmoset')).length).toBeGreaterThan(1);
    expect(await ids(db, 'seongmin')).not.toContain(passage.id);

    await db.speaker.update({ where: { id: passage.speakerId! }, data: { name: 'Seongmin Lee' } });
    await db.passage.delete({ where: { id: passage.id } });
    await contentCheck(db);
    expect(await ids(db, 'quokka')).toEqual([]);
    expect(await ids(db, 'zebulon')).toEqual([]);
  });

  it('a speaker deleted (its passages set to no speaker by the cascade) and a document deleted (its passages by the cascade)', async () => {
    const db = freshDb();
    const speaker = await db.speaker.create({ data: { slug: 'ephemeral-voice', name: 'Ephemeral Voice' } });
    const passage = await essayPassage(db, 5);
    await db.passage.update({ where: { id: passage.id }, data: { speakerId: speaker.id } });
    expect(await ids(db, 'ephemeral')).toEqual([passage.id]);
    await db.speaker.delete({ where: { id: speaker.id } });
    await contentCheck(db);
    expect(await ids(db, 'ephemeral')).toEqual([]);
    expect((await db.passage.findUniqueOrThrow({ where: { id: passage.id } })).speakerId).toBeNull();

    const essayIds = new Set((await db.passage.findMany({ where: { documentId: passage.documentId }, select: { id: true } })).map((p) => p.id));
    const before = await ids(db, 'korea');
    expect(before.some((id) => essayIds.has(id))).toBe(true);
    await db.$executeRawUnsafe(`DELETE FROM Document WHERE id = ${passage.documentId}`);
    await contentCheck(db);
    expect(await db.passage.count({ where: { documentId: passage.documentId } })).toBe(0);
    expect(await ids(db, 'korea')).toEqual(before.filter((id) => !essayIds.has(id)));
  });

  it('snippets still mark the words, read back from the passage text', async () => {
    const db = freshDb();
    const result = await searchPassages(db, { q: 'sanctions', page: 1, pageSize: 5, mode: 'lexical' });
    expect(result.hits.length).toBeGreaterThan(0);
    expect(result.hits[0].marked).toMatch(/\u0002[^\u0003]*anction/i);
  });
});
