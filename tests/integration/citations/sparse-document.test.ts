// A document with less to say than the seed ones: no publisher, no original address, a year for a
// date, a one-word name, a passage nobody is credited with. Every format still cites it, gives the
// access date exactly once (the cached page's cut depends on it) and invents nothing.
import { afterAll, beforeAll, expect, it } from 'vitest';
import { formatAccessDate, type DayDate } from '@/lib/citations/access-date';
import { citationItem, citationText, pageCitations } from '@/lib/citations/citations';
import { cslName } from '@/lib/citations/csl-item';
import { CITATION_FORMATS } from '@/lib/citations/formats';
import { prisma } from '@/lib/db/client';
import { getPublishedDocument } from '@/lib/data/documents';
import type { DocumentDetail } from '@/lib/data/dto';
import { singleSpeakerDocument } from '@/tests/support/documents';
import { createDocumentFixture } from '@/tests/support/factories';

const SLUG = 'a-sparse-testimony';
const ACCESSED: DayDate = { year: 2027, month: 1, day: 31 };
let document: DocumentDetail;

beforeAll(async () => {
  const testimony = { slug: SLUG, kind: 'testimony' as const, title: 'A Sparse Testimony', date: '2019', speaker: 'Madonna' };
  const paragraphs = ['The first paragraph.', { text: 'A paragraph nobody is credited with.', uncredited: true as const }];
  await createDocumentFixture(prisma, singleSpeakerDocument({ ...testimony, paragraphs }));
  document = (await getPublishedDocument(SLUG))!;
}, 180_000);

afterAll(() => prisma.$disconnect());

it('keeps a one-word name whole and a year as a year', () => {
  expect(cslName('Madonna')).toEqual({ literal: 'Madonna' });
  expect(cslName('  Kim Jong Un ')).toEqual({ given: 'Kim Jong', family: 'Un' });
  const item = citationItem({ document }, ACCESSED);
  expect(item.issued).toEqual({ 'date-parts': [[2019]] });
  expect(item).not.toHaveProperty('container-title');
  expect(item).not.toHaveProperty('note');
});

it("credits an unattributed passage to the document's author, not to a made-up speaker", () => {
  expect(citationItem({ document, passage: document.passages[1] }, ACCESSED).author).toEqual([{ literal: 'Madonna' }]);
});

it.each(CITATION_FORMATS)('%s cites it, with no "Originally published" and the access date once', (format) => {
  const text = citationText({ document, passage: document.passages[1] }, format, ACCESSED);
  // BibTeX guards capitals with braces: "A {Sparse} {Testimony}".
  expect(text.replace(/[{}]/g, '')).toContain('A Sparse Testimony');
  expect(text).toContain('2019');
  expect(text).not.toContain('Originally published');
  expect(text.split(formatAccessDate(format, ACCESSED))).toHaveLength(2);
});

it('is cut at its access date on a cached page', () => {
  for (const citation of pageCitations({ document, passage: document.passages[0] })) {
    expect(citation.before + formatAccessDate(citation.format, ACCESSED) + citation.after).toBe(
      citationText({ document, passage: document.passages[0] }, citation.format, ACCESSED),
    );
  }
});
