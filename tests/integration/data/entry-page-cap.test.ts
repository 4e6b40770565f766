// A topic or a speaker with more passages than a page lists: the page gets the first
// ENTRY_PAGE_PASSAGES in reading order and the true counts. Loading every passage of a topic of the
// 100,000-passage benchmark archive made the topic page a 500 (too many bound values for one query).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ENTRY_PAGE_PASSAGES } from '@/lib/data/selections';
import { getSpeaker } from '@/lib/data/speakers';
import { getTopic } from '@/lib/data/topics';
import { prisma } from '@/lib/db/client';
import { createDocumentFixture } from '@/tests/support/factories';

const MANY = ENTRY_PAGE_PASSAGES + 7;

beforeAll(async () => {
  await createDocumentFixture(prisma, {
    slug: 'a-very-long-speech',
    kind: 'speech',
    title: 'A Very Long Speech',
    date: '2021-05-04',
    participants: [{ speaker: 'Long Talker', role: 'author' }],
    passages: Array.from({ length: MANY }, (_, i) => ({ speaker: 'Long Talker', text: `Paragraph number ${i + 1} of the speech.`, topicSlugs: ['china'] })),
  });
});

afterAll(() => prisma.$disconnect());

describe('a page with more passages than it lists', () => {
  it('a topic lists the first passages in reading order and counts them all', async () => {
    const before = await prisma.passage.count({ where: { document: { status: 'published', deletedAt: null }, topics: { some: { topic: { slug: 'china' } } } } });
    const topic = (await getTopic('china'))!;
    expect(topic.passageCount).toBe(before);
    expect(topic.passageCount).toBeGreaterThan(ENTRY_PAGE_PASSAGES);
    expect(topic.passages).toHaveLength(ENTRY_PAGE_PASSAGES);
    expect(topic.documentCount).toBeGreaterThanOrEqual(2);
  });

  it('a speaker lists the first passages and counts them all', async () => {
    const speaker = (await getSpeaker('long-talker'))!;
    expect(speaker.passageCount).toBe(MANY);
    expect(speaker.listedPassages).toBe(ENTRY_PAGE_PASSAGES);
    const listed = speaker.byTopic.flatMap((group) => group.passages.map((p) => p.anchor));
    expect(listed).toEqual(Array.from({ length: ENTRY_PAGE_PASSAGES }, (_, i) => i + 1));
  });
});
