// Meaning-based retrieval with the real model (USE-lite from node_modules, no mock) on the real seeded
// archive: paraphrases find the passages that answer them; an edit, a split and a delete through the
// editorial layer, and a plain SQL update, keep the vectors in step; drafts and filtered-out passages
// are never returned. The seed embeds every passage (tests/support/global-setup.ts seeds through it).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Editor } from '@/lib/auth/editor';
import { closeVectorReaders, databaseTarget } from '@/lib/db';
import { prisma } from '@/lib/db/client';
import { deletePassage, getDocumentForEditing, splitPassage, updatePassage } from '@/lib/editorial';
import { env } from '@/lib/env';
import { embedPending } from '@/lib/search/vectors/embed-pending';
import { EMBEDDING_MODEL, embedTexts } from '@/lib/search/vectors/model';
import { nearestPassages } from '@/lib/search/vectors/nearest';
import type { SearchRequest } from '@/lib/search/types';
import { createDocumentFixture } from '@/tests/support/factories';

const editor: Editor = { id: 'u-ada', name: 'Ada Editor', email: 'ada@example.org', role: 'editor' };
const INTERVIEW = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';
const ESSAY = 'how-to-really-bring-change-to-north-korea';
const ESSAY_ID = 2;
const file = databaseTarget(env.DATABASE_URL);

/** "E6", "I5": the document (Essay or Interview) and anchor of a passage id. */
async function names(ids: number[]): Promise<string[]> {
  const rows = await prisma.passage.findMany({ where: { id: { in: ids } }, select: { id: true, anchor: true, document: { select: { slug: true } } } });
  const byId = new Map(rows.map((r) => [r.id, r.document.slug === ESSAY ? `E${r.anchor}` : r.document.slug === INTERVIEW ? `I${r.anchor}` : r.document.slug]));
  return ids.map((id) => byId.get(id) ?? `#${id}`);
}

const nearest = async (q: string, limit = 3, filters: Partial<SearchRequest> = {}) =>
  names((await nearestPassages(prisma, q, { q, page: 1, pageSize: 10, ...filters }, limit)).map((h) => h.id));

const passageId = async (slug: string, anchor: number) => (await prisma.passage.findFirstOrThrow({ where: { document: { slug }, anchor } })).id;
const vectorsOf = async (id: number) => prisma.passageEmbedding.findMany({ where: { passageId: id }, orderBy: { chunk: 'asc' } });
const unembedded = async () =>
  (
    await prisma.$queryRaw<
      { n: bigint }[]
    >`SELECT count(*) AS n FROM Passage p WHERE NOT EXISTS (SELECT 1 FROM PassageEmbedding e WHERE e.passageId = p.id AND e.model = ${EMBEDDING_MODEL})`
  )[0].n;
const essayVersion = () => getDocumentForEditing(ESSAY_ID)!.version;

beforeAll(async () => {
  await embedTexts(['warm up']); // the model loads once for the file (~1 s), not inside the first test
});
afterAll(async () => {
  closeVectorReaders();
  await prisma.$disconnect();
});

describe('meaning-based retrieval on the seeded archive', () => {
  it('the seed embedded every passage, long ones in several chunks', async () => {
    expect(await unembedded()).toBe(0n);
    const chunks = await prisma.passageEmbedding.groupBy({ by: ['passageId'], _count: true });
    expect(chunks.length).toBe(await prisma.passage.count());
    expect(Math.max(...chunks.map((c) => c._count))).toBeGreaterThan(1);
    const [one] = await vectorsOf(await passageId(ESSAY, 6));
    expect(one.model).toBe(EMBEDDING_MODEL);
    expect([one.bits.length, one.vector.length]).toEqual([64, 512]);
  });

  // Each query shares no word with the passage it should find (the lexical search finds none of them).
  it.each([
    ['foreign movies', 'E11'], // "DVDs" of South Korean dramas, and the punishment for watching them
    ['police raids', 'E10'], // "Government inspectors conduct house searches"
    ['black market', 'E6'], // "state smuggling"
    ['leader worship', 'E9'], // "the personality cult"
    ['how can I help North Koreans', 'I5'], // "how can they help": practical ways to help
  ])('“%s” finds %s in the top 3', async (query, passage) => {
    expect(await nearest(query)).toContain(passage);
  });

  it('a query with no words, or only words to leave out, finds nothing', async () => {
    expect(await nearest('   ')).toEqual([]);
    expect(await nearest('-smuggling')).toEqual([]);
  });

  it('an edited passage is found by its new meaning at once after embedding, never by its old one', async () => {
    const id = await passageId(ESSAY, 6);
    const before = await vectorsOf(id);
    expect(await nearest('black market', 1)).toEqual(['E6']);

    await updatePassage(editor, {
      documentId: ESSAY_ID,
      expectedVersion: essayVersion(),
      anchor: 6,
      text: 'My grandmother kept bees on the hillside. Every autumn we gathered the honey from the hives.',
    });
    // In the edit's own transaction the old vectors went: whatever is there now was made from the new text.
    const old = new Set(before.map((v) => Buffer.from(v.vector).toString('hex')));
    expect((await vectorsOf(id)).some((v) => old.has(Buffer.from(v.vector).toString('hex')))).toBe(false);

    await embedPending(file);
    expect(await vectorsOf(id)).toHaveLength(1);
    expect(await nearest('beekeeping and honey', 1)).toEqual(['E6']);
    expect(await nearest('black market', 3)).not.toContain('E6');
    expect(await nearest('smuggling run by the state', 3)).not.toContain('E6');
  });

  it('a text changed by plain SQL loses its vectors by trigger and is embedded again', async () => {
    const id = await passageId(INTERVIEW, 1);
    // A row update outside the editorial layer (the same UPDATE on either engine): only the trigger can notice.
    await prisma.passage.update({ where: { id }, data: { text: 'What do you think about the football world cup and the national team?' } });
    expect(await vectorsOf(id)).toEqual([]);
    expect(await unembedded()).toBe(1n);
    await embedPending(file);
    expect(await unembedded()).toBe(0n);
    expect(await nearest('soccer tournament', 1)).toEqual(['I1']);
  });

  it('a split passage is found by the meaning of each half', async () => {
    const text = (await prisma.passage.findUniqueOrThrow({ where: { id: await passageId(ESSAY, 11) } })).text;
    const offset = text.indexOf('Nowadays, USBs');
    expect(offset).toBeGreaterThan(0);
    await splitPassage(editor, { documentId: ESSAY_ID, expectedVersion: essayVersion(), anchor: 11, offset });
    await embedPending(file);
    expect(await unembedded()).toBe(0n);
    const second = (await prisma.passage.findFirstOrThrow({ where: { document: { slug: ESSAY }, text: { startsWith: 'Nowadays, USBs' } } })).anchor;
    expect(await nearest('USB sticks', 1)).toEqual([`E${second}`]);
  });

  it('a deleted passage is never returned, and its vectors are gone', async () => {
    const id = await passageId(ESSAY, 10);
    expect(await nearest('police raids')).toContain('E10');
    await deletePassage(editor, { documentId: ESSAY_ID, expectedVersion: essayVersion(), anchor: 10 });
    expect(await nearest('police raids', 50)).not.toContain('E10');
    expect(await vectorsOf(id)).toEqual([]);
  });

  it('a draft is embedded but never returned', async () => {
    const draft = await createDocumentFixture(prisma, {
      slug: 'draft-on-river-trade',
      status: 'draft',
      passages: [{ speaker: 'Ada Writer', text: 'Traders carried rice and cigarettes across the frozen river at night, paying the guards to look away.' }],
    });
    await embedPending(file);
    const id = (await prisma.passage.findFirstOrThrow({ where: { documentId: draft.id } })).id;
    expect(await vectorsOf(id)).toHaveLength(1);
    expect(await nearest('smuggling goods over the border', 50)).not.toContain('draft-on-river-trade');
  });
});

describe('filters', () => {
  it('a speaker, a kind, a topic or a document keeps only its passages, still by meaning', async () => {
    const request = (filters: Partial<SearchRequest>) =>
      nearestPassages(prisma, 'nuclear weapons', { q: 'nuclear weapons', page: 1, pageSize: 10, ...filters }, 5);
    const cases: [Partial<SearchRequest>, (p: { kind: string; speaker: string | null; document: string; topics: string[] }) => boolean][] = [
      [{ speaker: 'jeff-kim' }, (p) => p.speaker === 'jeff-kim'],
      [{ kind: 'answer' }, (p) => p.kind === 'answer'],
      [{ topic: 'denuclearization' }, (p) => p.topics.includes('denuclearization')],
      [{ document: INTERVIEW }, (p) => p.document === INTERVIEW],
      [{ from: '2018' }, (p) => p.document === INTERVIEW], // the essay is of 2016
    ];
    for (const [filters, keeps] of cases) {
      const hits = await request(filters);
      expect(hits.length, JSON.stringify(filters)).toBeGreaterThan(0);
      const rows = await prisma.passage.findMany({
        where: { id: { in: hits.map((h) => h.id) } },
        select: {
          kind: true,
          speaker: { select: { slug: true } },
          document: { select: { slug: true } },
          topics: { select: { topic: { select: { slug: true } } } },
        },
      });
      for (const row of rows) {
        const passage = { kind: row.kind, speaker: row.speaker?.slug ?? null, document: row.document.slug, topics: row.topics.map((t) => t.topic.slug) };
        expect(keeps(passage), `${JSON.stringify(filters)}: ${JSON.stringify(passage)}`).toBe(true);
      }
    }
  });

  it('similarities are best first, and between -1 and 1', async () => {
    const hits = await nearestPassages(prisma, 'escaping across the border', { q: '', page: 1, pageSize: 10 }, 10);
    expect(hits).toHaveLength(10);
    expect(hits.map((h) => h.similarity)).toEqual([...hits.map((h) => h.similarity)].sort((a, b) => b - a));
    for (const hit of hits) expect(Math.abs(hit.similarity)).toBeLessThanOrEqual(1);
  });
});
