// The relaxed step's bound: in an archive of over a thousand passages, a word that more than 5% of
// them use counts toward a passage's rank but does not let passages in on its own, so a question
// with a very common word does not rank most of the archive. Rarer words still decide what is shown.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { searchPassages } from '@/lib/search/search-passages';
import { createDocumentFixture } from '@/tests/support/factories';
import { singleSpeakerDocument } from '@/tests/support/documents';

const COMMON_PASSAGES = 1_200;

beforeAll(async () => {
  const paragraphs = Array.from({ length: COMMON_PASSAGES }, (_, i) => `Paragraph ${i} speaks of the marmot valley.`);
  paragraphs.push('The marmot valley had one wombat in it.', 'A wombat alone, far from any valley.');
  await createDocumentFixture(prisma, singleSpeakerDocument({ slug: 'field-notes', title: 'Field Notes', date: '2021', paragraphs }));
});

afterAll(() => prisma.$disconnect());

describe('a very common word does not gate the relaxed match', () => {
  it('only passages with the rarer word are shown, those with both first', async () => {
    const result = await searchPassages(prisma, { q: 'wombat marmot giraffe', page: 1, pageSize: 10, mode: 'lexical' });
    expect(result.matchedBy).toBe('some');
    expect(result.total).toBe(2);
    expect(result.hits.map((h) => h.anchor)).toEqual([COMMON_PASSAGES + 1, COMMON_PASSAGES + 2]);
    expect(Math.floor(result.hits[0].score)).toBe(2);
  });

  it('when every word is that common, the rarest alone lets passages in', async () => {
    const result = await searchPassages(prisma, { q: 'marmot valley giraffe', page: 1, pageSize: 10, mode: 'lexical' });
    expect(result.matchedBy).toBe('some');
    // "valley" is in every marmot passage and one more: "marmot" is the rarer.
    expect(result.total).toBe(COMMON_PASSAGES + 1);
  });
});
