// Drafts are invisible to every public read: a draft testimony by a speaker found nowhere else is
// added next to a third published document, a year-dated speech by a new speaker, and each read of
// the data layer must see the speech and never the draft.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getPublishedDocument, listDocuments } from '@/lib/data/documents';
import { getOverview } from '@/lib/data/overview';
import { getSpeaker, listSpeakers } from '@/lib/data/speakers';
import { getTimeline } from '@/lib/data/timeline';
import { getTopic, listTopics } from '@/lib/data/topics';
import { prisma } from '@/lib/db/client';
import { questionAndAnswer } from '@/tests/support/documents';
import { createDocumentFixture } from '@/tests/support/factories';
import { documentFiltersSchema } from '@/lib/validation/document-filters';

const INTERVIEW = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';
const ESSAY = 'how-to-really-bring-change-to-north-korea';
const DRAFT = 'a-draft-testimony-on-the-cult';
const SPEECH = 'a-speech-on-markets';

const filters = (query: Record<string, string> = {}) => documentFiltersSchema.parse(query);
const slugsFor = async (query: Record<string, string> = {}) => (await listDocuments(filters(query))).items.map((d) => d.slug);
const facet = (counts: { value: string; count: number }[]) => counts.map((c) => [c.value, c.count]);

// The draft's interviewer is in no other document: they must not surface anywhere public.
const DRAFT_TESTIMONY = questionAndAnswer(
  { slug: DRAFT, kind: 'testimony', title: 'A Draft Testimony on the Cult', date: '2020-03', status: 'draft' },
  { speaker: 'Hidden Witness', text: 'What did school teach about the leaders?', topicSlugs: ['personality-cult'] },
  { speaker: 'Seongmin Lee', text: 'Every lesson began with them.\n\nEven arithmetic.', topicSlugs: ['personality-cult', 'china'] },
  [{ name: 'Hidden Witness', aliases: ['HW'], bio: 'Hidden Witness is only in a draft.' }, { name: 'Seongmin Lee' }],
);

beforeAll(async () => {
  await createDocumentFixture(prisma, DRAFT_TESTIMONY);
  await createDocumentFixture(prisma, {
    slug: SPEECH,
    kind: 'speech',
    title: 'A Speech on Markets',
    publisher: 'Test Forum',
    date: '2017',
    participants: [{ speaker: 'Min-ji Park', role: 'author' }],
    passages: [
      { speaker: 'Min-ji Park', text: 'Markets changed everything.', topicSlugs: ['smuggling-and-markets'] },
      {
        speaker: 'Min-ji Park',
        text: 'Traders learned what rights are.',
        topicSlugs: ['smuggling-and-markets', 'human-rights'],
      },
    ],
  });
});

afterAll(() => prisma.$disconnect());

it('the draft and the speech are both in the database', async () => {
  expect(await prisma.document.findMany({ where: { slug: { in: [DRAFT, SPEECH] } }, orderBy: { slug: 'asc' }, select: { slug: true, status: true } })).toEqual([
    { slug: DRAFT, status: 'draft' },
    { slug: SPEECH, status: 'published' },
  ]);
});

describe('listDocuments', () => {
  it('lists the three published documents and not the draft', async () => {
    const list = await listDocuments(filters());
    expect(list.items.map((d) => d.slug)).toEqual([INTERVIEW, SPEECH, ESSAY]);
    expect(list.total).toBe(3);
  });

  it('dates the speech to the year', async () => {
    const list = await listDocuments(filters({ kind: 'speech' }));
    expect(list.items).toHaveLength(1);
    expect(list.items[0]).toMatchObject({
      slug: SPEECH,
      date: { iso: '2017', label: '2017', precision: 'year', year: 2017 },
      participants: [{ slug: 'min-ji-park', name: 'Min-ji Park', role: 'author' }],
      passageCount: 2,
    });
  });

  it.each([
    ['the draft\'s kind', { kind: 'testimony' }, []],
    ['the draft\'s only speaker', { speaker: 'hidden-witness' }, []],
    ['the draft\'s year', { from: '2020' }, []],
    ['the draft\'s month', { from: '2020-03', to: '2020-03' }, []],
    ['a topic the draft shares with the essay only', { topic: 'personality-cult' }, [ESSAY]],
    ['a topic of the speech', { topic: 'smuggling-and-markets' }, [SPEECH, ESSAY]],
    ['Seongmin Lee, who is in the draft too', { speaker: 'seongmin-lee' }, [INTERVIEW, ESSAY]],
    ['a day inside the speech\'s year', { from: '2017-06-15', to: '2017-06-15' }, [SPEECH]],
    ['from a month inside the speech\'s year', { from: '2017-06' }, [INTERVIEW, SPEECH]],
    ['to a month inside the speech\'s year', { to: '2017-06' }, [SPEECH, ESSAY]],
  ])('filtered by %s', async (_name, query, expected) => {
    expect(await slugsFor(query)).toEqual(expected);
  });

  it('counts pages over published documents only', async () => {
    expect(await listDocuments(filters({ pageSize: '1', page: '3' }))).toMatchObject({ total: 3, pageCount: 3, items: [{ slug: ESSAY }] });
  });

  it('leaves the draft out of every facet', async () => {
    const { facets } = await listDocuments(filters());
    expect(facet(facets.kinds)).toEqual([
      ['essay', 1],
      ['interview', 1],
      ['speech', 1],
    ]);
    expect(facet(facets.speakers)).toEqual([
      ['jeff-kim', 1],
      ['min-ji-park', 1],
      ['seongmin-lee', 2],
    ]);
    expect(facet(facets.years)).toEqual([
      ['2018', 1],
      ['2017', 1],
      ['2016', 1],
    ]);
    const topics = Object.fromEntries(facet(facets.topics));
    expect(topics).toMatchObject({ 'personality-cult': 1, china: 1, 'smuggling-and-markets': 2, 'human-rights': 3 });
  });

  it('leaves the draft out of the facets under a filter, too', async () => {
    const { facets } = await listDocuments(filters({ kind: 'testimony' }));
    expect(facet(facets.kinds)).toEqual([
      ['essay', 1],
      ['interview', 1],
      ['speech', 1],
    ]);
    expect(facets.speakers).toEqual([]);
    expect(facets.topics).toEqual([]);
    expect(facets.years).toEqual([]);
  });
});

describe('getPublishedDocument', () => {
  it('returns null for the draft', async () => {
    expect(await getPublishedDocument(DRAFT)).toBeNull();
  });

  it('returns the speech with its passages, topics and year date', async () => {
    const speech = await getPublishedDocument(SPEECH);
    expect(speech).toMatchObject({ slug: SPEECH, kind: 'speech', publisher: 'Test Forum', date: { label: '2017', precision: 'year' } });
    expect(speech!.passages.map((p) => [p.anchor, p.kind, p.speaker?.slug, p.topics.map((t) => t.slug)])).toEqual([
      [1, 'paragraph', 'min-ji-park', ['smuggling-and-markets']],
      [2, 'paragraph', 'min-ji-park', ['human-rights', 'smuggling-and-markets']],
    ]);
  });
});

describe('speakers', () => {
  it('lists the new speaker of the speech, not the speaker found only in the draft', async () => {
    const speakers = await listSpeakers();
    expect(speakers.map((s) => [s.slug, s.documentCount, s.passageCount])).toEqual([
      ['jeff-kim', 1, 3],
      ['min-ji-park', 1, 2],
      ['seongmin-lee', 2, 15],
    ]);
  });

  it('has no page for the speaker found only in the draft', async () => {
    expect(await prisma.speaker.count({ where: { slug: 'hidden-witness' } })).toBe(1);
    expect(await getSpeaker('hidden-witness')).toBeNull();
  });

  it("leaves the draft out of Seongmin Lee's documents, roles and passages", async () => {
    const speaker = await getSpeaker('seongmin-lee');
    expect(speaker).toMatchObject({ documentCount: 2, passageCount: 15 });
    expect(speaker!.documents.map((d) => [d.slug, d.roles])).toEqual([
      [INTERVIEW, ['interviewee']],
      [ESSAY, ['author']],
    ]);
    const cult = speaker!.byTopic.find((g) => g.topic?.slug === 'personality-cult')!;
    expect(cult.passages.map((p) => [p.document.slug, p.anchor])).toEqual([[ESSAY, 9]]);
    expect(speaker!.byTopic.flatMap((g) => g.passages).some((p) => p.document.slug === DRAFT)).toBe(false);
  });

  it('gives the speech speaker a page', async () => {
    const speaker = await getSpeaker('min-ji-park');
    expect(speaker).toMatchObject({ name: 'Min-ji Park', documentCount: 1, passageCount: 2, aliases: [] });
    expect(speaker!.byTopic.map((g) => [g.topic?.slug, g.passages.length])).toEqual([
      ['smuggling-and-markets', 2],
      ['human-rights', 1],
    ]);
  });
});

describe('topics', () => {
  it('counts passages and documents of published documents only', async () => {
    const topics = Object.fromEntries((await listTopics()).map((t) => [t.slug, [t.passageCount, t.documentCount]]));
    expect(topics).toMatchObject({
      'personality-cult': [1, 1],
      china: [2, 1],
      'smuggling-and-markets': [4, 2],
      'human-rights': [6, 3],
      sanctions: [5, 1],
    });
  });

  it('shows no draft passage on a topic page', async () => {
    const cult = await getTopic('personality-cult');
    expect(cult).toMatchObject({ passageCount: 1, documentCount: 1 });
    expect(cult!.passages.map((p) => [p.document.slug, p.anchor])).toEqual([[ESSAY, 9]]);
    const china = await getTopic('china');
    expect(china!.passages.map((p) => p.document.slug)).toEqual([ESSAY, ESSAY]);
  });

  it('shows the speech on its topics, between the newer interview and the older essay', async () => {
    const rights = await getTopic('human-rights');
    expect(rights).toMatchObject({ passageCount: 6, documentCount: 3 });
    expect(rights!.passages.map((p) => [p.document.slug, p.anchor])).toEqual([
      [INTERVIEW, 3],
      [INTERVIEW, 4],
      [SPEECH, 2],
      [ESSAY, 5],
      [ESSAY, 8],
      [ESSAY, 10],
    ]);
  });
});

describe('timeline and overview', () => {
  it('place the speech under 2017 as dated to the year only, and never the draft', async () => {
    expect(await getTimeline()).toEqual([
      { year: 2018, count: 1, months: [{ month: 8, label: 'August', count: 1 }], yearOnly: 0 },
      { year: 2017, count: 1, months: [], yearOnly: 1 },
      { year: 2016, count: 1, months: [{ month: 12, label: 'December', count: 1 }], yearOnly: 0 },
    ]);
  });

  it('count three documents, 20 passages and three speakers', async () => {
    const overview = await getOverview();
    expect(overview.counts).toEqual({ documents: 3, passages: 20, speakers: 3, topics: 10 });
    expect(overview.latest.map((d) => d.slug)).toEqual([INTERVIEW, SPEECH, ESSAY]);
  });
});
