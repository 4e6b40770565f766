// When a document was published in this archive, as the feeds date it (lib/data/publications.ts):
// not when it was created as a draft, and, when it was taken back to draft and published again, the
// second publication: it is new to readers again.
import { afterAll, describe, expect, it } from 'vitest';
import type { Editor } from '@/lib/auth/editor';
import { recentlyPublished } from '@/lib/data/publications';
import { prisma } from '@/lib/db/client';
import { publishDocument, unpublishDocument } from '@/lib/editorial';
import { createDocumentFixture } from '@/tests/support/factories';

const ada: Editor = { id: 'u-ada', name: 'Ada Editor', email: 'ada@example.org', role: 'editor' };
const pause = () => new Promise((resolve) => setTimeout(resolve, 25));

afterAll(() => prisma.$disconnect());

/** Publishes the document a moment later than anything before, and finds it the newest publication, dated no earlier than that moment. */
async function publishAndFindNewest(id: number, expectedVersion: number) {
  await pause();
  const before = new Date().toISOString();
  await publishDocument(ada, { id, expectedVersion });
  const newest = (await recentlyPublished(50))[0];
  expect(newest.slug).toBe('published-later');
  expect(newest.publishedAt >= before).toBe(true);
  return newest;
}

describe('recentlyPublished', () => {
  it('dates a document by its publication here, and a second publication after a draft spell makes it new again', async () => {
    const { id } = await createDocumentFixture(prisma, { slug: 'published-later', status: 'draft', passages: [{ speaker: 'Eve Later', text: 'Hello.' }] });
    expect((await recentlyPublished(50)).map((d) => d.slug)).not.toContain('published-later');

    const first = await publishAndFindNewest(id, 1);
    expect(first.updatedAt >= first.publishedAt).toBe(true);

    await unpublishDocument(ada, { id, expectedVersion: 2 });
    expect((await recentlyPublished(50)).map((d) => d.slug)).not.toContain('published-later');
    const second = await publishAndFindNewest(id, 3);
    expect(second.publishedAt > first.publishedAt).toBe(true);
  });

  it('keeps the seed documents, published together by the seed, with their original dates at their precision', async () => {
    const seeded = (await recentlyPublished(50)).filter((d) => d.slug !== 'published-later');
    expect(seeded.map((d) => d.date.iso).sort()).toEqual(['2016-12', '2018-08-28']);
    for (const d of seeded) expect(d.publishedAt).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  });
});
