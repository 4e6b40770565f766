// The index kept in step by triggers, through every write path: passages inserted, edited (through
// Prisma and through plain SQL), moved and deleted; speakers renamed and deleted; documents retitled
// and deleted with their passages. Each test gets a fresh copy of the seeded database, checks that
// search results change accordingly, then that the index matches the tables row for row.
import { describe, expect, it } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { searchPassages } from '@/lib/search/search-passages';
import type { SearchHit } from '@/lib/search/types';
import { freshSeededDatabases } from '@/tests/support/fresh-seeded-db';

const INTERVIEW = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';
const ESSAY = 'how-to-really-bring-change-to-north-korea';

const freshDb = freshSeededDatabases();

const name = (hit: SearchHit) => (hit.documentSlug === ESSAY ? `E${hit.anchor}` : hit.documentSlug === INTERVIEW ? `I${hit.anchor}` : hit.documentSlug);
const find = async (db: PrismaClient, q: string) => (await searchPassages(db, { q, page: 1, pageSize: 50 })).hits.map(name).sort();
const passageId = async (db: PrismaClient, slug: string, anchor: number) =>
  (await db.passage.findFirstOrThrow({ where: { document: { slug }, anchor }, select: { id: true } })).id;

/** How many passages the word index says use a word (0 when it does not know it). */
async function vocabulary(db: PrismaClient, word: string): Promise<number> {
  const rows = await db.$queryRaw<{ doc: bigint | number }[]>`SELECT doc FROM passage_words_fts_vocab WHERE term = ${word}`;
  return rows.length === 0 ? 0 : Number(rows[0].doc);
}

/** Passages whose index row differs from the tables, and index rows without a passage; both empty when in step. */
async function indexDrift(db: PrismaClient) {
  const mismatched = await db.$queryRaw<{ id: bigint | number }[]>`
    SELECT p.id AS id FROM Passage p JOIN Document d ON d.id = p.documentId LEFT JOIN Speaker s ON s.id = p.speakerId
    LEFT JOIN passage_fts f ON f.rowid = p.id
    WHERE f.rowid IS NULL OR f.text IS NOT p.text OR f.speaker IS NOT COALESCE(s.name, '') OR f.title IS NOT d.title`;
  const orphans = await db.$queryRaw<{ id: bigint | number }[]>`SELECT rowid AS id FROM passage_fts WHERE rowid NOT IN (SELECT id FROM Passage)`;
  // rank 1: FTS5 also compares its index with the text it reads back (passage_fts is external content).
  await db.$executeRawUnsafe(`INSERT INTO passage_fts (passage_fts, rank) VALUES ('integrity-check', 1)`);
  return { mismatched: mismatched.map((r) => Number(r.id)), orphans: orphans.map((r) => Number(r.id)) };
}
const IN_STEP = { mismatched: [], orphans: [] };

describe('passages', () => {
  it('a new passage is found at once, by its text, its speaker and its document’s title', async () => {
    const db = freshDb();
    expect(await find(db, 'wombat')).toEqual([]);
    const [essay, author] = await Promise.all([
      db.document.findUniqueOrThrow({ where: { slug: ESSAY } }),
      db.speaker.findUniqueOrThrow({ where: { slug: 'seongmin-lee' } }),
    ]);
    await db.passage.create({
      data: { documentId: essay.id, position: 13, anchor: 13, kind: 'paragraph', speakerId: author.id, text: 'A new paragraph about the wombat trade.' },
    });
    expect(await find(db, 'wombat')).toEqual(['E13']);
    expect(await find(db, 'wombat seongmin')).toEqual(['E13']);
    expect(await find(db, 'wombat bring')).toEqual(['E13']);
    expect(await vocabulary(db, 'wombat')).toBe(1);
    expect(await indexDrift(db)).toEqual(IN_STEP);
  });

  it('an edited passage is found by its new words and no longer by the old ones (Prisma)', async () => {
    const db = freshDb();
    const id = await passageId(db, ESSAY, 7);
    expect(await find(db, 'sanctions')).toEqual(['E10', 'E12', 'E4', 'E7']);
    const { text } = await db.passage.findUniqueOrThrow({ where: { id } });
    await db.passage.update({ where: { id }, data: { text: text.replaceAll('sanctions', 'embargoes').replace('raise an eyebrow', 'frown') } });
    expect(await find(db, 'sanctions')).toEqual(['E10', 'E12', 'E4']);
    expect(await find(db, 'embargoes')).toEqual(['E7']);
    expect(await find(db, 'eyebrow')).toEqual([]);
    expect(await find(db, 'frown')).toEqual(['E7']);
    // The word index for "did you mean" follows too.
    expect(await vocabulary(db, 'eyebrow')).toBe(0);
    expect(await vocabulary(db, 'embargoes')).toBe(1);
    expect(await vocabulary(db, 'sanctions')).toBe(3);
    const corrected = await searchPassages(db, { q: 'embargoez', page: 1, pageSize: 10 });
    expect(corrected.didYouMean).toBe('embargoes');
    expect(corrected.hits.map(name)).toEqual(['E7']);
    expect(await indexDrift(db)).toEqual(IN_STEP);
  });

  it('an edit in plain SQL is followed as well', async () => {
    const db = freshDb();
    const id = await passageId(db, INTERVIEW, 3);
    await db.$executeRaw`UPDATE Passage SET text = 'Was leaving the aardvark question out a mistake?' WHERE id = ${id}`;
    expect(await find(db, 'aardvark')).toEqual(['I3']);
    expect(await find(db, '"human rights"')).toEqual(['E12', 'E5', 'E8', 'I4']);
    expect(await indexDrift(db)).toEqual(IN_STEP);
  });

  it('a deleted passage is gone from search and from the word index', async () => {
    const db = freshDb();
    await db.passage.delete({ where: { id: await passageId(db, ESSAY, 7) } });
    expect(await find(db, 'eyebrow')).toEqual([]);
    expect(await find(db, 'sanctions')).toEqual(['E10', 'E12', 'E4']);
    expect((await searchPassages(db, { q: 'korea', page: 1, pageSize: 50 })).total).toBe(17);
    expect(await vocabulary(db, 'eyebrow')).toBe(0);
    expect(await indexDrift(db)).toEqual(IN_STEP);
  });

  it('a passage given another speaker is found by the new speaker’s name', async () => {
    const db = freshDb();
    const jeff = await db.speaker.findUniqueOrThrow({ where: { slug: 'jeff-kim' } });
    expect(await find(db, 'jeff')).toEqual(['I1', 'I3', 'I5']);
    await db.passage.update({ where: { id: await passageId(db, ESSAY, 1) }, data: { speakerId: jeff.id } });
    expect(await find(db, 'jeff')).toEqual(['E1', 'I1', 'I3', 'I5']);
    const hit = (await searchPassages(db, { q: 'jeff', page: 1, pageSize: 50, document: ESSAY })).hits[0];
    expect(hit.speaker).toEqual({ slug: 'jeff-kim', name: 'Jeff Kim' });
    expect(await indexDrift(db)).toEqual(IN_STEP);
  });

  it('a passage moved to another document takes that document’s title', async () => {
    const db = freshDb();
    const interview = await db.document.findUniqueOrThrow({ where: { slug: INTERVIEW } });
    await db.passage.update({ where: { id: await passageId(db, ESSAY, 7) }, data: { documentId: interview.id, position: 100, anchor: 100 } });
    expect(await find(db, 'eyebrow')).toEqual(['I100']);
    // No passage has both words now (in quotes: plain words would be matched on some of them).
    expect(await find(db, '"eyebrow" "bring"')).toEqual([]);
    expect(await find(db, 'eyebrow thoughts')).toEqual(['I100']);
    const [hit] = (await searchPassages(db, { q: 'eyebrow', page: 1, pageSize: 10 })).hits;
    expect(hit.url).toBe(`/documents/${INTERVIEW}#p100`);
    expect(await indexDrift(db)).toEqual(IN_STEP);
  });

  it('a rolled-back edit leaves the index as it was', async () => {
    const db = freshDb();
    const id = await passageId(db, ESSAY, 7);
    await expect(
      db.$transaction(async (tx) => {
        await tx.passage.update({ where: { id }, data: { text: 'Nothing about the zyzzyva at all.' } });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await find(db, 'sanctions')).toEqual(['E10', 'E12', 'E4', 'E7']);
    expect(await find(db, 'zyzzyva')).toEqual([]);
    expect(await indexDrift(db)).toEqual(IN_STEP);
  });
});

describe('speakers', () => {
  it('a renamed speaker’s passages are found by the new name, not the old', async () => {
    const db = freshDb();
    await db.speaker.update({ where: { slug: 'jeff-kim' }, data: { name: 'Jeffrey Kimball' } });
    expect(await find(db, 'jeff')).toEqual([]);
    expect(await find(db, 'jeffrey kimball')).toEqual(['I1', 'I3', 'I5']);
    const result = await searchPassages(db, { q: 'kimball', page: 1, pageSize: 10 });
    expect(result.hits.map((h) => h.speaker)).toEqual(Array(3).fill({ slug: 'jeff-kim', name: 'Jeffrey Kimball' }));
    expect(result.facets.speakers).toEqual([{ slug: 'jeff-kim', name: 'Jeffrey Kimball', count: 3 }]);
    expect(await indexDrift(db)).toEqual(IN_STEP);
  });

  it('a deleted speaker’s passages stay, unattributed, and the name no longer finds them', async () => {
    const db = freshDb();
    const jeff = await db.speaker.findUniqueOrThrow({ where: { slug: 'jeff-kim' } });
    await db.participant.deleteMany({ where: { speakerId: jeff.id } });
    await db.speaker.delete({ where: { id: jeff.id } });
    expect(await find(db, 'jeff')).toEqual([]);
    const result = await searchPassages(db, { q: '"trump kim summit"', page: 1, pageSize: 10 });
    expect(result.hits.map((h) => [name(h), h.speaker])).toEqual([['I1', null]]);
    expect(await indexDrift(db)).toEqual(IN_STEP);
  });
});

describe('documents', () => {
  it('a retitled document’s passages are found by the new title, not the old', async () => {
    const db = freshDb();
    expect((await find(db, 'bring')).length).toBe(12);
    await db.document.update({ where: { slug: ESSAY }, data: { title: 'Letters from the Yalu' } });
    // Only E8 says "bring" in its text: "What could bring the North Korean regime to its knees".
    expect(await find(db, 'bring')).toEqual(['E8']);
    expect((await find(db, 'letters')).length).toBe(12);
    const [first] = (await searchPassages(db, { q: 'yalu', page: 1, pageSize: 50 })).hits;
    // E6 names the Yalu in its text as well as in the new title.
    expect([name(first), first.documentTitle]).toEqual(['E6', 'Letters from the Yalu']);
    expect(await indexDrift(db)).toEqual(IN_STEP);
  });

  it('a deleted document takes its passages out of the index', async () => {
    const db = freshDb();
    await db.document.delete({ where: { slug: ESSAY } });
    expect(await db.passage.count()).toBe(6);
    expect(await find(db, 'smuggling')).toEqual([]);
    expect(await find(db, 'korea')).toEqual(['I1', 'I2', 'I3', 'I4', 'I5', 'I6']);
    expect(await vocabulary(db, 'smuggling')).toBe(0);
    const indexed = await db.$queryRaw<{ n: bigint | number }[]>`SELECT count(*) AS n FROM passage_fts`;
    expect(Number(indexed[0].n)).toBe(6);
    expect(await indexDrift(db)).toEqual(IN_STEP);
  });

  it('a document set back to draft leaves search without touching the index', async () => {
    const db = freshDb();
    await db.document.update({ where: { slug: ESSAY }, data: { status: 'draft' } });
    expect(await find(db, 'smuggling')).toEqual([]);
    expect(await vocabulary(db, 'smuggling')).toBe(1);
    await db.document.update({ where: { slug: ESSAY }, data: { status: 'published' } });
    expect(await find(db, 'smuggling')).toEqual(['E11', 'E6']);
    expect(await indexDrift(db)).toEqual(IN_STEP);
  });
});
