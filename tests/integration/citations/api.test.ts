// GET /api/v1/documents/<slug>/citation and …/passages/<anchor>/citation, called as Next calls the
// route handlers: CSL-JSON by default, each format's text with ?format=, and the read API's refusals.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Cite } from '@citation-js/core';
import '@citation-js/plugin-bibtex';
import '@citation-js/plugin-ris';
import { GET as documentCitation } from '@/app/api/v1/documents/[slug]/citation/route';
import { GET as passageCitation } from '@/app/api/v1/documents/[slug]/passages/[anchor]/citation/route';
import { utcDay } from '@/lib/citations/citations';
import { prisma } from '@/lib/db/client';
import { absoluteUrl } from '@/lib/site-origin';
import { passageDetailPath } from '@/lib/urls';
import { singleSpeakerDocument } from '@/tests/support/documents';
import { createDocumentFixture } from '@/tests/support/factories';

const ESSAY = 'how-to-really-bring-change-to-north-korea';
const INTERVIEW = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';
const DRAFT = 'a-draft-to-cite';
const BASE = 'http://archive.test/api/v1/documents';

const ofDocument = (slug: string, query = '') => documentCitation(new Request(`${BASE}/${slug}/citation${query}`), { params: Promise.resolve({ slug }) });
const ofPassage = (slug: string, anchor: string, query = '') =>
  passageCitation(new Request(`${BASE}/${slug}/passages/${anchor}/citation${query}`), { params: Promise.resolve({ slug, anchor }) });

beforeAll(async () => {
  const draft = { slug: DRAFT, title: 'A Draft To Cite', date: '2020-05', status: 'draft' as const, speaker: 'Seongmin Lee' };
  await createDocumentFixture(prisma, singleSpeakerDocument({ ...draft, paragraphs: ['Not published yet.'] }));
  // The first render of each style builds its CSL engine: seconds on a busy machine.
  for (const format of ['apa', 'mla', 'chicago']) await ofDocument(ESSAY, `?format=${format}`);
}, 180_000);

afterAll(() => prisma.$disconnect());

describe('CSL-JSON', () => {
  it('answers a passage as a CSL-JSON array of one item, dated the day of the request', async () => {
    const before = utcDay();
    const res = await ofPassage(ESSAY, '3');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.citationstyles.csl+json');
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    const body = await res.json();
    expect(body).toHaveLength(1);
    expect(body[0]).toMatchObject({
      type: 'article-magazine',
      title: 'How to Really Bring Change to North Korea, My Home Country',
      author: [{ given: 'Seongmin', family: 'Lee' }],
      issued: { 'date-parts': [[2016, 12]] },
      URL: absoluteUrl(passageDetailPath(ESSAY, 3)),
      archive_location: 'paragraph 3 of 12',
    });
    const after = utcDay();
    expect([before, after].map((d) => [[d.year, d.month, d.day]])).toContainEqual(body[0].accessed['date-parts']);
    // citation-js reads the answer as CSL-JSON.
    expect(new Cite(body).data[0].issued).toEqual({ 'date-parts': [[2016, 12]] });
  });

  it('answers a whole document', async () => {
    const body = await (await ofDocument(INTERVIEW)).json();
    expect(body[0]).toMatchObject({ type: 'interview', issued: { 'date-parts': [[2018, 8, 28]] }, interviewer: [{ given: 'Jeff', family: 'Kim' }] });
    expect(body[0].archive_location).toBeUndefined();
  });
});

describe('?format=', () => {
  it.each([
    ['apa', 'text/plain; charset=utf-8', /^Lee, S\. \(2016, December\)\. .* Retrieved \w+ \d+, \d{4}, from http/],
    ['mla', 'text/plain; charset=utf-8', /^Lee, Seongmin\. .* Dec\. 2016, Interview Archive, paragraph 3 of 12, .* Accessed \d+ \S+ \d{4}\./],
    ['chicago', 'text/plain; charset=utf-8', /^Lee, Seongmin\. 2016\. .* Paragraph 3 of 12\. Interview Archive\. Accessed \w+ \d+, \d{4}\./],
    ['bibtex', 'application/x-bibtex; charset=utf-8', /^@article\{how_to_really_bring_change_to_north_korea__p3,/],
    ['ris', 'application/x-research-info-systems; charset=utf-8', /^TY {2}- MGZN\n/],
  ])('%s answers its text as %s', async (format, type, pattern) => {
    const res = await ofPassage(ESSAY, '3', `?format=${format}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(type);
    expect(res.headers.get('access-control-allow-origin')).toBe('*');
    expect(await res.text()).toMatch(pattern);
  });

  it('gives BibTeX and RIS that citation-js reads back to the same passage', async () => {
    for (const format of ['bibtex', 'ris']) {
      const [item] = new Cite(await (await ofPassage(INTERVIEW, '2', `?format=${format}`)).text()).data;
      expect(item).toMatchObject({
        author: [{ given: 'Seongmin', family: 'Lee' }],
        URL: absoluteUrl(passageDetailPath(INTERVIEW, 2)),
        issued: { 'date-parts': [[2018, 8, 28]] },
      });
    }
  });
});

describe('refusals', () => {
  it.each([
    ['?format=xml', 'format', /must be one of apa, mla, chicago, bibtex, ris/],
    ['?format=apa&format=mla', 'format', /more than once/],
    ['?style=apa', 'style', /not a known parameter/],
  ])('%s is a 400 naming %s', async (query, parameter, message) => {
    for (const res of [await ofDocument(ESSAY, query), await ofPassage(ESSAY, '1', query)]) {
      expect(res.status).toBe(400);
      const body = await res.json();
      expect(body.error).toBe('invalid_parameter');
      expect(body.problems).toEqual([{ parameter, message: expect.stringMatching(message) }]);
    }
  });

  it.each(['0x10', '1e3', '-1', 'one', '1.0'])('anchor %s is a 400 naming the anchor', async (anchor) => {
    const res = await ofPassage(ESSAY, anchor);
    expect(res.status).toBe(400);
    expect((await res.json()).problems[0].parameter).toBe('anchor');
  });

  it('a malformed slug is a 400 naming the slug', async () => {
    const res = await ofDocument('Not_A_Slug');
    expect(res.status).toBe(400);
    expect((await res.json()).problems[0].parameter).toBe('slug');
  });

  it.each([
    ['an unknown document', () => ofDocument('no-such-document'), 'document'],
    ['a passage of an unknown document', () => ofPassage('no-such-document', '1'), 'document'],
    ['an anchor the document does not have', () => ofPassage(ESSAY, '999'), 'passage'],
    ['a draft', () => ofDocument(DRAFT), 'document'],
    ["a draft's passage", () => ofPassage(DRAFT, '1'), 'document'],
    ['a draft in a format', () => ofDocument(DRAFT, '?format=bibtex'), 'document'],
  ])('%s is a JSON 404', async (_name, call, what) => {
    const res = await call();
    expect(res.status).toBe(404);
    expect(await res.json()).toEqual({ error: 'not_found', message: `No published ${what} at this address.` });
  });
});
