// A speaker may hold two roles in one document (author and translator of their own essay): they
// still took part in one document, wherever their documents are counted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDocuments } from '@/lib/data/documents';
import { getSpeaker, listSpeakers } from '@/lib/data/speakers';
import { prisma } from '@/lib/db/client';
import { singleSpeakerDocument } from '@/tests/support/documents';
import { createDocumentFixture } from '@/tests/support/factories';
import { documentFiltersSchema } from '@/lib/validation/document-filters';

const SELF_TRANSLATED = 'an-essay-translated-by-its-author';

const SELF_TRANSLATED_ESSAY = singleSpeakerDocument({
  slug: SELF_TRANSLATED,
  title: 'An Essay Translated by Its Author',
  date: '2019-04-02',
  speaker: 'Seongmin Lee',
  roles: ['author', 'translator'],
  paragraphs: [{ text: 'I wrote this in Korean first.', topicSlugs: ['outside-information'] }],
});

beforeAll(() => createDocumentFixture(prisma, SELF_TRANSLATED_ESSAY));

afterAll(() => prisma.$disconnect());

describe('a speaker with two roles in one document', () => {
  it('shows both roles on the speaker page, against one document', async () => {
    const speaker = await getSpeaker('seongmin-lee');
    expect(speaker!.documents.find((d) => d.slug === SELF_TRANSLATED)!.roles.sort()).toEqual(['author', 'translator']);
    expect(speaker!.documentCount).toBe(3);
  });

  it('counts that document once in the speakers facet', async () => {
    const { facets } = await listDocuments(documentFiltersSchema.parse({}));
    expect(facets.speakers.find((s) => s.value === 'seongmin-lee')!.count).toBe(3);
  });

  it('counts that document once in the speakers index, as the speaker page does', async () => {
    const seongmin = (await listSpeakers()).find((s) => s.slug === 'seongmin-lee')!;
    expect(seongmin.documentCount).toBe(3);
    expect(seongmin.passageCount).toBe(16);
  });
});
