// A document's card image, called as Next calls the route: a 1200×630 PNG for a published document,
// drawn offline with the font next/og ships (a title in another script draws without fetching fonts),
// and a 404 for a document that is not public.
import { afterAll, describe, expect, it, vi } from 'vitest';
import Image from '@/app/(public)/documents/[slug]/opengraph-image';
import { prisma } from '@/lib/db/client';
import { createDocumentFixture } from '@/tests/support/factories';

afterAll(() => prisma.$disconnect());

const card = (slug: string) => Image({ params: Promise.resolve({ slug }) });

/** Width and height from a PNG's IHDR chunk, after checking the signature. */
function pngSize(bytes: Buffer): [number, number] {
  expect(bytes.subarray(0, 8)).toEqual(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]));
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('the document card image', () => {
  it('is a 1200×630 PNG for each seed document', async () => {
    for (const slug of ['seongmin-lee-qa-part-2-us-relations-with-north-korea', 'how-to-really-bring-change-to-north-korea']) {
      const response = await card(slug);
      expect(response.status).toBe(200);
      expect(response.headers.get('content-type')).toBe('image/png');
      expect(pngSize(Buffer.from(await response.arrayBuffer()))).toEqual([1200, 630]);
    }
  });

  it('draws a title in Korean without the network, and answers 404 for a draft', async () => {
    await createDocumentFixture(prisma, {
      slug: 'card-korean',
      title: '두만강을 건너서 Crossing the Tumen',
      speakers: [{ name: '이성민', slug: 'lee-seongmin-hangul' }],
      passages: [{ speaker: '이성민', text: '안녕하세요.' }],
    });
    await createDocumentFixture(prisma, { slug: 'card-draft', status: 'draft', passages: [{ speaker: 'Dee Draft', text: 'Not yet.' }] });
    // next/og fetches a font from Google for glyphs its own font lacks; the card never lets it.
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    const korean = await card('card-korean');
    expect(pngSize(Buffer.from(await korean.arrayBuffer()))).toEqual([1200, 630]);
    expect(fetchSpy).not.toHaveBeenCalled();
    fetchSpy.mockRestore();
    expect((await card('card-draft')).status).toBe(404);
    expect((await card('no-such-document')).status).toBe(404);
  });
});
