// Search within one document (the reader's highlight) and "more like this" (similar passages in
// OTHER documents), on the seeded archive plus one published note about smuggling across the Yalu.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createDocumentFixture } from '@/tests/support/factories';
import { highlightDocument } from '@/lib/search/highlight-document';
import { MARK_CLOSE, MARK_OPEN, markedRuns } from '@/lib/search/marks';
import { moreLikeThis } from '@/lib/search/more-like-this';
import { lexicalSearch } from '@/lib/search/lexical-search';
import { parseQuery } from '@/lib/search/query-parser';
import { searchPassages } from '@/lib/search/search-passages';
import { singleSpeakerDocument } from '@/tests/support/documents';

const INTERVIEW = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';
const ESSAY = 'how-to-really-bring-change-to-north-korea';
const BORDER = 'notes-from-the-border';

const passageId = async (slug: string, anchor: number) =>
  (await prisma.passage.findFirstOrThrow({ where: { document: { slug }, anchor }, select: { id: true } })).id;
/** A paragraph added at the end of a document: its id comes after every other document's passages. */
async function append(slug: string, text: string): Promise<number> {
  const doc = await prisma.document.findUniqueOrThrow({ where: { slug }, select: { id: true, passages: { select: { position: true, anchor: true } } } });
  const next = Math.max(...doc.passages.map((p) => Math.max(p.position, p.anchor))) + 1;
  return (await prisma.passage.create({ data: { documentId: doc.id, position: next, anchor: next, kind: 'paragraph', text } })).id;
}
const marksIn = (text: string) =>
  markedRuns(text)
    .filter((r) => r.marked)
    .map((r) => r.text);

beforeAll(async () => {
  await createDocumentFixture(
    prisma,
    singleSpeakerDocument({
      slug: BORDER,
      kind: 'testimony',
      title: 'Notes from the Border',
      date: '2021-06',
      paragraphs: [
        {
          text: 'State smuggling across the Yalu River: a crane in the middle of the river, trucks from the Chinese side, cargo loaded with no customs at all.',
          topicSlugs: ['smuggling-and-markets', 'china'],
        },
        'The weather was fine and the tea was hot.',
      ],
    }),
  );
});

afterAll(() => prisma.$disconnect());

describe('highlightDocument', () => {
  it('lists the matching passages of one document in reading order, with every match marked', async () => {
    const matches = (await highlightDocument(prisma, ESSAY, 'smuggling'))!;
    expect(matches.anchors).toEqual([6, 11]);
    const e6 = matches.marked.get(await passageId(ESSAY, 6))!;
    // "state smuggling", "activities like smuggling", "mass smuggling".
    expect(marksIn(e6)).toEqual(['smuggling', 'smuggling', 'smuggling']);
    expect(marksIn(matches.marked.get(await passageId(ESSAY, 11))!)).toEqual(['smuggle']);
    expect(e6.replaceAll(MARK_OPEN, '').replaceAll(MARK_CLOSE, '')).toBe(
      (await prisma.passage.findUniqueOrThrow({ where: { id: await passageId(ESSAY, 6) } })).text,
    );
  });

  it('never includes passages of another document', async () => {
    const interview = (await highlightDocument(prisma, INTERVIEW, '"human rights"'))!;
    expect(interview.anchors).toEqual([3, 4]);
    const ids = await prisma.passage.findMany({ where: { document: { slug: INTERVIEW } }, select: { id: true } });
    expect([...interview.marked.keys()].every((id) => ids.some((p) => p.id === id))).toBe(true);
    expect(interview.marked.size).toBe(2);
    const essay = (await highlightDocument(prisma, ESSAY, '"human rights"'))!;
    expect(essay.anchors).toEqual([5, 8, 12]);
    expect((await highlightDocument(prisma, BORDER, 'smuggling'))!.anchors).toEqual([1]);
  });

  it('reads the query as search does: phrases, OR, exclusions, prefixes, synonyms', async () => {
    expect((await highlightDocument(prisma, ESSAY, 'dvd OR crane'))!.anchors).toEqual([6, 10, 11]);
    expect((await highlightDocument(prisma, ESSAY, 'sanctions -china'))!.anchors).toEqual([4, 10, 12]);
    expect((await highlightDocument(prisma, ESSAY, 'smugg*'))!.anchors).toEqual([6, 11]);
    const nukes = (await highlightDocument(prisma, ESSAY, 'nukes'))!;
    expect(nukes.anchors).toEqual([3, 5]);
    expect(marksIn(nukes.marked.get(await passageId(ESSAY, 5))!)).toEqual(['nuclear weapons']);
  });

  it('finds a passage added to a document after another document’s, and none of that other document’s', async () => {
    // The essay's passage ids then span the border notes' ids: the walk is bounded by the span, the rows by the document.
    const border = await append(BORDER, 'A quokkaphone rang at the checkpoint.');
    const essay = await append(ESSAY, 'Nobody answered the quokkaphone.');
    try {
      const inEssay = (await highlightDocument(prisma, ESSAY, 'quokkaphone'))!;
      expect([...inEssay.marked.keys()]).toEqual([essay]);
      expect([...(await highlightDocument(prisma, BORDER, 'quokkaphone'))!.marked.keys()]).toEqual([border]);
    } finally {
      await prisma.passage.deleteMany({ where: { id: { in: [border, essay] } } });
    }
  });

  it('gives null when there is nothing to search for, and no matches in an unknown document', async () => {
    expect(await highlightDocument(prisma, ESSAY, '')).toBeNull();
    expect(await highlightDocument(prisma, ESSAY, '"')).toBeNull();
    expect(await highlightDocument(prisma, ESSAY, '-china')).toBeNull();
    expect(await highlightDocument(prisma, 'no-such-document', 'korea')).toEqual({ marked: new Map(), anchors: [] });
    expect(await highlightDocument(prisma, INTERVIEW, 'smuggling')).toEqual({ marked: new Map(), anchors: [] });
  });

  it('lists only passages whose text matches, not every passage for a word of the document’s own title', async () => {
    // "Bring" is in the essay's title; only E8 says it: "What could bring the North Korean regime to its knees?"
    const matches = (await highlightDocument(prisma, ESSAY, 'bring'))!;
    expect(matches.anchors).toEqual([8]);
    expect([...matches.marked.values()].map(marksIn)).toEqual([['bring']]);
  });
});

describe('search within one document', () => {
  const lexical = (q: string, document?: string) =>
    lexicalSearch(prisma, parseQuery(q), { q, page: 1, pageSize: 50, ...(document ? { document } : {}) }, { limit: 50, offset: 0 });

  it('ranks a document’s matches with the scores the whole archive’s search gives them', async () => {
    for (const slug of [ESSAY, INTERVIEW, BORDER]) {
      const own = new Set((await prisma.passage.findMany({ where: { document: { slug } }, select: { id: true } })).map((p) => p.id));
      for (const q of ['smuggling', '"human rights"', 'sanctions -china', 'smugg*', 'dvd OR crane', 'korea', 'the']) {
        const everywhere = (await lexical(q)).ranked.filter((hit) => own.has(hit.id));
        const within = await lexical(q, slug);
        expect(within.ranked, `${slug}: ${q}`).toEqual(everywhere);
        expect(within.counted?.total, `${slug}: ${q}`).toBe(everywhere.length);
      }
    }
  });

  it('finds a passage added to a document after another document’s, and none of that other document’s', async () => {
    // The essay's ids then span the border notes' new passage: the index's walk is bounded by the span, the rows by the document.
    const border = await append(BORDER, 'A quokkaphone rang at the checkpoint.');
    const essay = await append(ESSAY, 'Nobody answered the quokkaphone.');
    try {
      for (const [slug, id] of [
        [ESSAY, essay],
        [BORDER, border],
      ] as const) {
        const result = await searchPassages(prisma, { q: 'quokkaphone', page: 1, pageSize: 10, document: slug });
        expect(result.hits.map((hit) => hit.passageId)).toEqual([id]);
        expect(result.total).toBe(1);
      }
      expect((await searchPassages(prisma, { q: 'quokkaphone', page: 1, pageSize: 10, document: INTERVIEW })).hits).toEqual([]);
    } finally {
      await prisma.passage.deleteMany({ where: { id: { in: [border, essay] } } });
    }
  });
});

describe('moreLikeThis', () => {
  it('finds the note about state smuggling on the Yalu first for the essay’s smuggling paragraph', async () => {
    const similar = await moreLikeThis(prisma, await passageId(ESSAY, 6));
    expect(similar.length).toBeGreaterThan(0);
    expect(similar[0]).toMatchObject({
      documentSlug: BORDER,
      documentTitle: 'Notes from the Border',
      anchor: 1,
      speaker: { slug: 'pat-moss', name: 'Pat Moss' },
      date: '2021-06',
      url: `/documents/${BORDER}#p1`,
    });
    expect(similar[0].excerpt.startsWith('State smuggling across the Yalu River')).toBe(true);
  });

  it('never returns a passage of the same document', async () => {
    const passages = await prisma.passage.findMany({ select: { id: true, document: { select: { slug: true } } } });
    for (const passage of passages) {
      const similar = await moreLikeThis(prisma, passage.id, 10);
      for (const s of similar) expect(s.documentSlug).not.toBe(passage.document.slug);
    }
  });

  it('returns something for the essay’s paragraphs about smuggling and China', async () => {
    for (const anchor of [6, 7, 11]) {
      const similar = await moreLikeThis(prisma, await passageId(ESSAY, anchor));
      expect(similar.length).toBeGreaterThan(0);
      expect(new Set(similar.map((s) => s.passageId)).size).toBe(similar.length);
    }
    // From the note, the essay's smuggling paragraph is the nearest.
    const fromNote = await moreLikeThis(prisma, await passageId(BORDER, 1));
    expect([fromNote[0].documentSlug, fromNote[0].anchor]).toEqual([ESSAY, 6]);
  });

  it('respects the limit, and links each passage', async () => {
    const similar = await moreLikeThis(prisma, await passageId(INTERVIEW, 4), 3);
    expect(similar).toHaveLength(3);
    for (const s of similar) {
      expect(s.url).toBe(`/documents/${s.documentSlug}#p${s.anchor}`);
      expect(s.excerpt.length).toBeLessThanOrEqual(281);
    }
  });

  it('returns nothing for an unknown passage', async () => {
    expect(await moreLikeThis(prisma, 999_999)).toEqual([]);
  });
});
