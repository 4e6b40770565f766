// The weights of BM25's three columns and the date tie-break, on documents made for the purpose:
// one word found in a passage's text, in its speaker's name and in its document's title; and two
// passages alike in every indexed word, one from an older document, one from a newer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/v1/search/route';
import { prisma } from '@/lib/db/client';
import { createDocumentFixture } from '@/tests/support/factories';
import { searchPassages } from '@/lib/search/search-passages';
import { env } from '@/lib/env';
import { singleSpeakerDocument } from '@/tests/support/documents';
import { snippetOf } from '@/tests/support/snippet';
// url fields are on the configured site address (SITE_URL, else localhost on PORT).
const SITE = env.SITE_URL ? new URL(env.SITE_URL).origin : `http://localhost:${env.PORT}`;

const doc = (slug: string, title: string, date: string, speaker: string, text: string) =>
  singleSpeakerDocument({ slug, title, date, speaker, paragraphs: [text] });

beforeAll(async () => {
  // Same date, so that only the column can decide.
  await createDocumentFixture(prisma, doc('in-the-title', 'Quillwort Field Notes', '2017-05-01', 'Pat Moss', 'The fern grows by the water.'));
  await createDocumentFixture(prisma, doc('in-the-speaker', 'Marsh Field Notes', '2017-05-01', 'Ann Quillwort', 'The moss grows by the water.'));
  await createDocumentFixture(prisma, doc('in-the-text', 'Bank Field Notes', '2017-05-01', 'Pat Moss', 'The quillwort grows by the water.'));
  // Alike in every indexed word; the older one is saved first so that its passage has the lower id.
  await createDocumentFixture(prisma, doc('hornwort-older', 'Hornwort Notes', '2015-03-01', 'Pat Moss', 'The hornwort grows by the pond.'));
  await createDocumentFixture(prisma, doc('hornwort-newer', 'Hornwort Notes', '2019-05', 'Pat Moss', 'The hornwort grows by the pond.'));
  await createDocumentFixture(prisma, doc('hornwort-year', 'Hornwort Notes', '2017', 'Pat Moss', 'The hornwort grows by the pond.'));
});

afterAll(() => prisma.$disconnect());

const search = (q: string) => searchPassages(prisma, { q, page: 1, pageSize: 50 });

describe('column weights', () => {
  it('ranks a match in the text above one in the speaker’s name, and that above one in the title', async () => {
    const result = await search('quillwort');
    expect(result.hits.map((h) => h.documentSlug)).toEqual(['in-the-text', 'in-the-speaker', 'in-the-title']);
    const [text, speaker, title] = result.hits.map((h) => h.score);
    expect(text).toBeGreaterThan(speaker);
    expect(speaker).toBeGreaterThan(title);
    expect(title).toBeGreaterThan(0);
  });

  it('marks the text only where the text matched', async () => {
    const snippets = Object.fromEntries((await search('quillwort')).hits.map((h) => [h.documentSlug, snippetOf(h)]));
    expect(snippets).toEqual({
      'in-the-text': 'The <mark>quillwort</mark> grows by the water.',
      'in-the-speaker': 'The moss grows by the water.',
      'in-the-title': 'The fern grows by the water.',
    });
  });

  it('finds a speaker’s passages by the speaker’s name and a document’s by its title', async () => {
    expect((await search('ann quillwort')).hits.map((h) => h.documentSlug)).toEqual(['in-the-speaker']);
    expect((await search('marsh grows')).hits.map((h) => h.documentSlug)).toEqual(['in-the-speaker']);
  });
});

describe('ties', () => {
  it('breaks a tie in score by date, newer first, whatever the order of saving', async () => {
    const result = await search('hornwort');
    expect(result.hits.map((h) => [h.documentSlug, h.date])).toEqual([
      ['hornwort-newer', '2019-05'],
      ['hornwort-year', '2017'],
      ['hornwort-older', '2015-03-01'],
    ]);
    expect(new Set(result.hits.map((h) => h.score)).size).toBe(1);
  });

  it('keeps the same order through the API, with each date at its precision', async () => {
    const body = await (await GET(new Request('http://localhost/api/v1/search?q=hornwort+pond'))).json();
    expect(body.hits.map((h: { documentSlug: string; date: string; url: string }) => [h.documentSlug, h.date, h.url])).toEqual([
      ['hornwort-newer', '2019-05', `${SITE}/documents/hornwort-newer#p1`],
      ['hornwort-year', '2017', `${SITE}/documents/hornwort-year#p1`],
      ['hornwort-older', '2015-03-01', `${SITE}/documents/hornwort-older#p1`],
    ]);
  });
});
