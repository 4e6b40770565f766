// Speakers, topics, the timeline and the overview on the seeded archive.
import { afterAll, describe, expect, it } from 'vitest';
import { getOverview } from '@/lib/data/overview';
import { getSpeaker, listSpeakers } from '@/lib/data/speakers';
import { getTimeline } from '@/lib/data/timeline';
import { getTopic, listTopics } from '@/lib/data/topics';
import { prisma } from '@/lib/db/client';

const INTERVIEW = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';
const ESSAY = 'how-to-really-bring-change-to-north-korea';

afterAll(() => prisma.$disconnect());

describe('listSpeakers', () => {
  it('lists both speakers by name with their bios and counts', async () => {
    const speakers = await listSpeakers();
    expect(speakers.map(({ bio: _bio, ...s }) => s)).toEqual([
      { slug: 'jeff-kim', name: 'Jeff Kim', documentCount: 1, passageCount: 3 },
      { slug: 'seongmin-lee', name: 'Seongmin Lee', documentCount: 2, passageCount: 15 },
    ]);
    expect(speakers[0].bio).toBe('Jeff Kim is a Bush Institute Human Freedom Initiative consultant.');
    expect(speakers[1].bio).toMatch(/^Seongmin Lee is a North Korean defector/);
  });
});

describe('getSpeaker', () => {
  it('gives Seongmin Lee his aliases, bio source and both documents with his role in each', async () => {
    const speaker = await getSpeaker('seongmin-lee');
    expect(speaker).toMatchObject({ slug: 'seongmin-lee', name: 'Seongmin Lee', documentCount: 2, passageCount: 15 });
    expect(speaker!.aliases).toEqual(['Lee Seongmin', 'SL']);
    expect(speaker!.bioSource).toContain('The Diplomat');
    expect(speaker!.documents.map((d) => [d.slug, d.roles])).toEqual([
      [INTERVIEW, ['interviewee']],
      [ESSAY, ['author']],
    ]);
  });

  it("groups Seongmin Lee's passages by topic, the largest groups first, then by name", async () => {
    const speaker = await getSpeaker('seongmin-lee');
    expect(speaker!.byTopic.map((g) => [g.topic?.slug, g.passages.length])).toEqual([
      ['citizens-as-agents-of-change', 5],
      ['outside-information', 5],
      ['sanctions', 5],
      ['denuclearization', 4],
      ['engagement-and-diplomacy', 4],
      ['human-rights', 4],
      ['perceptions-of-north-korea', 4],
      ['china', 2],
      ['smuggling-and-markets', 2],
      ['personality-cult', 1],
    ]);
  });

  it('lists the passages of a group newest document first, in reading order, with their context', async () => {
    const speaker = await getSpeaker('seongmin-lee');
    const citizens = speaker!.byTopic.find((g) => g.topic?.slug === 'citizens-as-agents-of-change')!;
    expect(citizens.passages.map((p) => [p.document.slug, p.anchor, p.kind])).toEqual([
      [INTERVIEW, 2, 'answer'],
      [INTERVIEW, 6, 'answer'],
      [ESSAY, 1, 'paragraph'],
      [ESSAY, 8, 'paragraph'],
      [ESSAY, 12, 'paragraph'],
    ]);
    expect(citizens.passages[0]).toMatchObject({
      speaker: { slug: 'seongmin-lee', name: 'Seongmin Lee' },
      document: { slug: INTERVIEW, title: 'Seongmin Lee Q&A Part 2: Thoughts on U.S. Relations with North Korea', date: { label: '28 August 2018' } },
    });
    expect(citizens.passages[0].text).toMatch(/^I think there are a lot of questions out there/);
  });

  it("gives Jeff Kim his one document as interviewer and his three questions by topic", async () => {
    const speaker = await getSpeaker('jeff-kim');
    expect(speaker).toMatchObject({
      slug: 'jeff-kim',
      bio: 'Jeff Kim is a Bush Institute Human Freedom Initiative consultant.',
      aliases: ['JK'],
      documentCount: 1,
      passageCount: 3,
    });
    expect(speaker!.documents.map((d) => [d.slug, d.roles])).toEqual([[INTERVIEW, ['interviewer']]]);
    expect(speaker!.byTopic.map((g) => [g.topic?.name, g.passages.map((p) => p.anchor)])).toEqual([
      ['Engagement and diplomacy', [1, 3]],
      ['Denuclearization', [1]],
      ['Human rights', [3]],
      ['Perceptions of North Korea', [5]],
    ]);
    expect(speaker!.byTopic.flatMap((g) => g.passages).every((p) => p.kind === 'question')).toBe(true);
  });

  it.each(['no-such-speaker', 'human-rights'])('returns null for %j', async (slug) => {
    expect(await getSpeaker(slug)).toBeNull();
  });
});

describe('listTopics', () => {
  it('lists the ten topics by name with their passage and document counts', async () => {
    const topics = await listTopics();
    expect(topics.map((t) => [t.slug, t.name, t.passageCount, t.documentCount])).toEqual([
      ['china', 'China', 2, 1],
      ['citizens-as-agents-of-change', 'Citizens as agents of change', 5, 2],
      ['denuclearization', 'Denuclearization', 5, 2],
      ['engagement-and-diplomacy', 'Engagement and diplomacy', 6, 2],
      ['human-rights', 'Human rights', 5, 2],
      ['outside-information', 'Outside information and media', 5, 2],
      ['perceptions-of-north-korea', 'Perceptions of North Korea', 5, 2],
      ['sanctions', 'Sanctions', 5, 1],
      ['smuggling-and-markets', 'Smuggling and markets', 2, 1],
      ['personality-cult', 'The personality cult', 1, 1],
    ]);
    expect(topics.find((t) => t.slug === 'sanctions')!.description).toBe('International sanctions on North Korea and whether they work.');
  });
});

describe('getTopic', () => {
  it('gives sanctions its five essay paragraphs in reading order', async () => {
    const topic = await getTopic('sanctions');
    expect(topic).toMatchObject({ slug: 'sanctions', name: 'Sanctions', passageCount: 5, documentCount: 1 });
    expect(topic!.passages.map((p) => [p.document.slug, p.anchor])).toEqual([
      [ESSAY, 4],
      [ESSAY, 5],
      [ESSAY, 6],
      [ESSAY, 7],
      [ESSAY, 12],
    ]);
    expect(topic!.passages[2].topics.map((t) => t.slug)).toEqual(['china', 'sanctions', 'smuggling-and-markets']);
    expect(topic!.passages[0].document.date).toEqual({ iso: '2016-12', label: 'December 2016', precision: 'month', year: 2016 });
  });

  it('gives engagement and diplomacy its passages of both documents, newest document first', async () => {
    const topic = await getTopic('engagement-and-diplomacy');
    expect(topic).toMatchObject({ passageCount: 6, documentCount: 2 });
    expect(topic!.passages.map((p) => [p.document.slug, p.anchor, p.speaker?.slug])).toEqual([
      [INTERVIEW, 1, 'jeff-kim'],
      [INTERVIEW, 2, 'seongmin-lee'],
      [INTERVIEW, 3, 'jeff-kim'],
      [INTERVIEW, 4, 'seongmin-lee'],
      [ESSAY, 3, 'seongmin-lee'],
      [ESSAY, 4, 'seongmin-lee'],
    ]);
  });

  it.each(['no-such-topic', 'seongmin-lee'])('returns null for %j', async (slug) => {
    expect(await getTopic(slug)).toBeNull();
  });
});

describe('getTimeline', () => {
  it('counts 2018 → August 1 and 2016 → December 1, newest year first', async () => {
    expect(await getTimeline()).toEqual([
      { year: 2018, count: 1, months: [{ month: 8, label: 'August', count: 1 }], yearOnly: 0 },
      { year: 2016, count: 1, months: [{ month: 12, label: 'December', count: 1 }], yearOnly: 0 },
    ]);
  });
});

describe('getOverview', () => {
  it('counts 2 documents, 18 passages, 2 speakers and 10 topics, latest first', async () => {
    const overview = await getOverview();
    expect(overview.counts).toEqual({ documents: 2, passages: 18, speakers: 2, topics: 10 });
    expect(overview.latest.map((d) => d.slug)).toEqual([INTERVIEW, ESSAY]);
  });

  it('limits the latest documents to the number asked for', async () => {
    expect((await getOverview(1)).latest.map((d) => d.slug)).toEqual([INTERVIEW]);
  });
});
