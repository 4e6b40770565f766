// The in-process index of the sign bits (lib/db/sqlite/vector-index.ts) stays in step with the
// PassageEmbedding table through the real write path (lib/editorial, as an editor; the embedder with
// the real model) on a real SQLite file: after each change, once the index has looked again (a search
// does), it holds exactly the table's chunks and signs, and search answers as the SQL step does.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Editor } from '@/lib/auth/editor';
import { closeVectorReaders, databaseFilePath, setVectorMemoryBudget, sql, vectorIndexOf, vectorReaderFor, vectors, type NearestRow } from '@/lib/db';
import { prisma } from '@/lib/db/client';
import { deletePassage, getDocumentForEditing, unpublishDocument, updatePassage } from '@/lib/editorial';
import { env } from '@/lib/env';
import { isPublicDocument } from '@/lib/search/public-documents';
import { embedPending } from '@/lib/search/vectors/embed-pending';
import { EMBEDDING_MODEL, embedTexts } from '@/lib/search/vectors/model';
import { nearestPassages } from '@/lib/search/vectors/nearest';
import { quantize } from '@/lib/search/vectors/quantize';
import { createDocumentFixture } from '@/tests/support/factories';

const editor: Editor = { id: 'u-ada', name: 'Ada Editor', email: 'ada@example.org', role: 'editor' };
const file = databaseFilePath(env.DATABASE_URL);
const ESSAY_ID = 2;

/** The table's chunks of the model, as the index lists its own. */
const tableChunks = async () =>
  (
    await prisma.$queryRaw<{ passageId: number; chunk: number; bits: Uint8Array }[]>`
      SELECT passageId, chunk, bits FROM PassageEmbedding WHERE model = ${EMBEDDING_MODEL} ORDER BY passageId, chunk`
  ).map((r) => ({ passageId: Number(r.passageId), chunk: Number(r.chunk), bits: Buffer.from(r.bits).toString('hex') }));

/** A search (which brings the index up to date), then the index's chunks. */
async function indexAfterSearch(query = 'life in North Korea') {
  await nearestPassages(prisma, query, { q: query, page: 1, pageSize: 10 }, 10);
  return vectorIndexOf(file, EMBEDDING_MODEL)!.liveChunks();
}

/** The indexed step and the SQL step give the same passages and distances for a query (all chunks here: exact). */
async function sameAsSql(query: string) {
  const [vector] = await embedTexts([query]);
  const reader = (await vectorReaderFor(prisma))!;
  const options = {
    preselect: 400,
    preselectShare: 0.25,
    preselectMax: 4000,
    limit: 20,
    passageWhere: isPublicDocument,
    where: sql`1 = 1`,
    filterFirst: false,
  };
  const fast = await vectors.nearestIndexed(reader, quantize(vector), EMBEDDING_MODEL, options);
  const slow = await reader.$queryRaw<NearestRow[]>(vectors.nearest(quantize(vector), EMBEDDING_MODEL, options));
  expect(fast.map((r) => [Number(r.id), r.distance])).toEqual(slow.map((r) => [Number(r.id), r.distance]));
  return fast.map((r) => Number(r.id));
}

const version = (id: number) => getDocumentForEditing(id)!.version;
const idOf = async (documentId: number, anchor: number) => (await prisma.passage.findFirstOrThrow({ where: { documentId, anchor } })).id;

beforeAll(async () => {
  await embedTexts(['warm up']);
});
afterAll(async () => {
  closeVectorReaders();
  await prisma.$disconnect();
});

describe('the in-process vector index through the real write path', () => {
  it('is built from the table on first use', async () => {
    const index = await indexAfterSearch();
    expect(index.length).toBeGreaterThan(20);
    expect(index).toEqual(await tableChunks());
  });

  it('a new document: its passages join the index once embedded', async () => {
    const doc = await createDocumentFixture(prisma, {
      slug: 'bees-and-honey',
      passages: [
        { speaker: 'Ada Writer', text: 'My grandmother kept bees on the hillside and sold the honey at the market.' },
        { speaker: 'Ada Writer', text: 'In winter the hives were wrapped in straw against the frost.' },
      ],
    });
    const ids = (await prisma.passage.findMany({ where: { documentId: doc.id } })).map((p) => p.id);
    await embedPending(file);
    const index = await indexAfterSearch();
    expect(index.filter((c) => ids.includes(c.passageId)).map((c) => c.passageId)).toEqual(ids);
    expect(index).toEqual(await tableChunks());
    expect((await sameAsSql('beekeeping')).slice(0, 1)).toEqual([ids[0]]);
  });

  it('an edited passage: its old signs leave the index, its new ones come with its new vectors', async () => {
    const id = await idOf(ESSAY_ID, 6);
    const before = (await indexAfterSearch()).filter((c) => c.passageId === id);
    expect(before.length).toBeGreaterThan(0);
    await updatePassage(editor, {
      documentId: ESSAY_ID,
      expectedVersion: version(ESSAY_ID),
      anchor: 6,
      text: 'The football team trained every morning on the frozen field.',
    });
    await embedPending(file);
    const after = (await indexAfterSearch()).filter((c) => c.passageId === id);
    expect(after).toHaveLength(1);
    expect(after[0].bits).not.toBe(before[0].bits);
    expect(await indexAfterSearch()).toEqual(await tableChunks());
    expect((await sameAsSql('soccer practice in the cold'))[0]).toBe(id);
  });

  it('a text changed by plain SQL: its signs leave the index at once (the trigger), and come back embedded', async () => {
    const id = await idOf(ESSAY_ID, 9);
    expect((await indexAfterSearch()).some((c) => c.passageId === id)).toBe(true);
    await prisma.$executeRaw`UPDATE Passage SET text = 'Children sang in the school choir every Saturday.' WHERE id = ${id}`;
    const index = await indexAfterSearch();
    expect(index.some((c) => c.passageId === id)).toBe(false);
    expect(index).toEqual(await tableChunks());
    await embedPending(file);
    expect((await indexAfterSearch()).filter((c) => c.passageId === id)).toHaveLength(1);
    expect((await sameAsSql('a choir of schoolchildren'))[0]).toBe(id);
  });

  it('a deleted passage leaves the index', async () => {
    const id = await idOf(ESSAY_ID, 10);
    await deletePassage(editor, { documentId: ESSAY_ID, expectedVersion: version(ESSAY_ID), anchor: 10 });
    const index = await indexAfterSearch();
    expect(index.some((c) => c.passageId === id)).toBe(false);
    expect(index).toEqual(await tableChunks());
  });

  it('an unpublished document keeps its vectors but is never returned', async () => {
    const doc = await prisma.document.findFirstOrThrow({ where: { slug: 'bees-and-honey' } });
    const ids = (await prisma.passage.findMany({ where: { documentId: doc.id } })).map((p) => p.id);
    expect(await sameAsSql('beekeeping')).toContain(ids[0]);
    await unpublishDocument(editor, { id: doc.id, expectedVersion: version(doc.id) });
    const found = await sameAsSql('beekeeping');
    expect(found.some((id) => ids.includes(id))).toBe(false);
    expect((await indexAfterSearch()).filter((c) => ids.includes(c.passageId)).map((c) => c.passageId)).toEqual(ids);
  });

  it('vectors renumbered with nothing logged (as a VACUUM may do to their rowids) change no answer', async () => {
    setVectorMemoryBudget(0); // the rescoring reads the vectors by rowid (as above 128 MiB of them)
    const queries = ['beekeeping', 'soccer practice in the cold', 'how can I help North Koreans', 'a choir of schoolchildren'];
    const before = [];
    for (const q of queries) before.push(await sameAsSql(q));
    const index = vectorIndexOf(file, EMBEDDING_MODEL)!;
    expect(index.stats.vectorsInMemory).toBe(false);
    const builds = index.stats.builds;
    // Every rowid changed, the change log's trigger out of the way meanwhile.
    const [{ sql: trigger }] = await prisma.$queryRaw<{ sql: string }[]>`SELECT sql FROM sqlite_master WHERE name = 'passage_embedding_change_after_update'`;
    await prisma.$executeRawUnsafe('DROP TRIGGER passage_embedding_change_after_update');
    await prisma.$executeRawUnsafe('UPDATE PassageEmbedding SET rowid = rowid + 100000');
    await prisma.$executeRawUnsafe(trigger);
    const after = [];
    for (const q of queries) after.push(await sameAsSql(q));
    expect(after).toEqual(before);
    expect(index.stats.builds).toBe(builds + 1); // noticed on first use, rebuilt once
    setVectorMemoryBudget(128 * 2 ** 20);
  });

  it('a change log pruned past what the index saw rebuilds it whole, and it is right again', async () => {
    const index = vectorIndexOf(file, EMBEDDING_MODEL)!;
    const builds = index.stats.builds;
    const id = await idOf(ESSAY_ID, 7);
    await prisma.$executeRaw`UPDATE Passage SET text = 'Rice was rationed by the state.' WHERE id = ${id}`;
    await embedPending(file);
    // The changes the index has not seen, all but the last, pruned.
    await prisma.$executeRaw`DELETE FROM PassageEmbeddingChange WHERE seq < (SELECT max(seq) FROM PassageEmbeddingChange)`;
    expect(await indexAfterSearch()).toEqual(await tableChunks());
    expect((await sameAsSql('food rationing'))[0]).toBe(id);
    expect(index.stats.builds).toBe(builds + 1);
  });
});
