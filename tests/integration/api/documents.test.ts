// GET /api/v1/documents and /api/v1/documents/<slug>, called as Next calls the route handlers.
import { afterAll, describe, expect, it } from 'vitest';
import { GET as getDocumentRoute } from '@/app/api/v1/documents/[slug]/route';
import { GET as listDocumentsRoute } from '@/app/api/v1/documents/route';
import { prisma } from '@/lib/db/client';
import { env } from '@/lib/env';
import { publicApiBody } from '@/tests/support/public-api';
import { ESSAY_SUMMARY } from '@/tests/support/seed-expectations';

const INTERVIEW = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';
const ESSAY = 'how-to-really-bring-change-to-north-korea';
// The API's url fields are on the configured site address (SITE_URL, else localhost on PORT), never
// on the host a request names.
const ORIGIN = env.SITE_URL ? new URL(env.SITE_URL).origin : `http://localhost:${env.PORT}`;

const list = (query = '') => listDocumentsRoute(new Request(`${ORIGIN}/api/v1/documents${query ? `?${query}` : ''}`));
const detail = (slug: string) => getDocumentRoute(new Request(`${ORIGIN}/api/v1/documents/${encodeURIComponent(slug)}`), { params: Promise.resolve({ slug }) });

interface Problem {
  parameter: string;
  message: string;
}

afterAll(() => prisma.$disconnect());

describe('GET /api/v1/documents', () => {
  it('answers 200 JSON with every published document, pages and facets', async () => {
    const body = await publicApiBody(await list());
    expect(body).toMatchObject({ total: 2, page: 1, pageSize: 20, pageCount: 1 });
    expect(body.items.map((d: { slug: string; url: string }) => [d.slug, d.url])).toEqual([
      [INTERVIEW, `${ORIGIN}/documents/${INTERVIEW}`],
      [ESSAY, `${ORIGIN}/documents/${ESSAY}`],
    ]);
    expect(body.items[1]).toMatchObject(ESSAY_SUMMARY);
    expect(Object.keys(body.facets).sort()).toEqual(['kinds', 'speakers', 'topics', 'years']);
  });

  it('builds item addresses on the site address, not on the Host or X-Forwarded-Host a client sent', async () => {
    const headers = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };
    const res = await listDocumentsRoute(new Request('https://archive.example.org/api/v1/documents?kind=essay', { headers }));
    const body = await res.json();
    expect(body.items[0].url).toBe(`${ORIGIN}/documents/${ESSAY}`);
  });

  it.each([
    ['kind=essay', [ESSAY]],
    ['kind=interview', [INTERVIEW]],
    ['speaker=jeff-kim', [INTERVIEW]],
    ['topic=sanctions', [ESSAY]],
    ['from=2016-12-15', [INTERVIEW, ESSAY]],
    ['from=2017-01', [INTERVIEW]],
    ['to=2016', [ESSAY]],
    ['speaker=seongmin-lee&topic=human-rights&kind=interview', [INTERVIEW]],
    ['sort=oldest', [ESSAY, INTERVIEW]],
    ['sort=title', [ESSAY, INTERVIEW]],
    ['pageSize=1&page=2', [ESSAY]],
    ['kind=speech', []],
    // Blank fields of a submitted form count as absent.
    ['kind=&speaker=&topic=&from=&to=&page=', [INTERVIEW, ESSAY]],
  ])('filters %s', async (query, expected) => {
    const res = await list(query);
    expect(res.status).toBe(200);
    expect((await res.json()).items.map((d: { slug: string }) => d.slug)).toEqual(expected);
  });

  it('reports pages: pageSize=1 gives pageCount 2', async () => {
    const body = await (await list('pageSize=1')).json();
    expect(body).toMatchObject({ total: 2, page: 1, pageSize: 1, pageCount: 2 });
    expect(body.items).toHaveLength(1);
  });

  it('counts facets under the other filters: kind=essay still counts the interview among kinds', async () => {
    const body = await (await list('kind=essay')).json();
    expect(body.facets.kinds).toEqual([
      { value: 'essay', label: 'essay', count: 1 },
      { value: 'interview', label: 'interview', count: 1 },
    ]);
    expect(body.facets.speakers).toEqual([{ value: 'seongmin-lee', label: 'Seongmin Lee', count: 1 }]);
    expect(body.facets.years).toEqual([{ value: '2016', label: '2016', count: 1 }]);
  });

  it.each([
    ['kind=poem', 'kind', /must be one of interview, essay, speech, testimony/],
    ['from=2016-13', 'from', /real date/],
    ['to=2019-02-29', 'to', /real date/],
    ['page=0', 'page', /1 or more/],
    ['page=two', 'page', /whole number/],
    ['pageSize=1000', 'pageSize', /at most 100/],
    ['sort=random', 'sort', /newest, oldest, title/],
    ['topic=Bad%20Slug', 'topic', /lowercase letters/],
    ['speaker=Seongmin_Lee', 'speaker', /lowercase letters/],
    ['from=2018&to=2016', 'from', /after "to"/],
    // Number() reads these; a page number is plain digits, so each is refused, not guessed at.
    ['page=0x10', 'page', /whole number/],
    ['page=1e3', 'page', /whole number/],
    ['page=%201', 'page', /whole number/],
    ['page=%2B1', 'page', /whole number/],
    ['page=1.0', 'page', /whole number/],
    ['pageSize=0x10', 'pageSize', /whole number/],
    ['page=1&page=2', 'page', /given more than once/],
    ['kind=essay&kind=interview', 'kind', /given more than once/],
  ])('refuses %s with 400 naming %s', async (query, parameter, reason) => {
    const res = await list(query);
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await res.json();
    expect(body.error).toBe('invalid_parameter');
    expect(body.problems).toHaveLength(1);
    expect(body.problems[0].parameter).toBe(parameter);
    expect(body.problems[0].message).toMatch(reason);
    expect(body.message).toMatch(new RegExp(`^${parameter}: `));
  });

  it('refuses an unknown parameter with 400 naming it', async () => {
    const res = await list('kind=essay&foo=1');
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toBe('invalid_parameter');
    expect(body.message).toContain('foo');
    expect(body.problems.map((p: Problem) => p.parameter)).toEqual(['foo']);
  });

  it('names every bad parameter at once', async () => {
    const body = await (await list('kind=poem&page=0&pageSize=1000')).json();
    expect(body.problems.map((p: Problem) => p.parameter).sort()).toEqual(['kind', 'page', 'pageSize']);
  });
});

describe('GET /api/v1/documents/<slug>', () => {
  it('answers 200 with the interview and every passage: id, position, kind, speaker, text, topics and reader address', async () => {
    const body = await publicApiBody(await detail(INTERVIEW));
    expect(body).toMatchObject({
      slug: INTERVIEW,
      kind: 'interview',
      title: 'Seongmin Lee Q&A Part 2: Thoughts on U.S. Relations with North Korea',
      publisher: 'George W. Bush Institute',
      sourceUrl: 'https://www.bushcenter.org/publications/articles/2018/08/seongmin-lee-north-korea-part2.html',
      caption: 'Seongmin Lee with President and Mrs. Bush at Spirit of Liberty in New York City, October 2017.',
      language: 'en',
      url: `${ORIGIN}/documents/${INTERVIEW}`,
      date: { iso: '2018-08-28', label: '28 August 2018', precision: 'day', year: 2018 },
      participants: [
        { slug: 'jeff-kim', name: 'Jeff Kim', role: 'interviewer' },
        { slug: 'seongmin-lee', name: 'Seongmin Lee', role: 'interviewee' },
      ],
    });
    expect(body.passages).toHaveLength(6);
    const ids = new Set<number>();
    for (const [i, passage] of body.passages.entries()) {
      expect(Number.isInteger(passage.id)).toBe(true);
      ids.add(passage.id);
      expect(passage.position).toBe(i + 1);
      expect(passage.anchor).toBe(i + 1);
      expect(passage.kind).toBe(i % 2 === 0 ? 'question' : 'answer');
      expect(passage.speaker).toEqual(i % 2 === 0 ? { slug: 'jeff-kim', name: 'Jeff Kim' } : { slug: 'seongmin-lee', name: 'Seongmin Lee' });
      expect(typeof passage.text).toBe('string');
      expect(passage.text.length).toBeGreaterThan(50);
      expect(passage.topics.length).toBeGreaterThanOrEqual(1);
      for (const topic of passage.topics) expect(Object.keys(topic).sort()).toEqual(['name', 'slug']);
      expect(passage.url).toBe(`${ORIGIN}/documents/${INTERVIEW}#p${passage.anchor}`);
      expect(passage.url.endsWith(`#p${passage.anchor}`)).toBe(true);
      expect(passage.questionAnchor).toBe(i % 2 === 0 ? null : i);
      expect(passage).not.toHaveProperty('paragraphs');
    }
    expect(ids.size).toBe(6);
    expect(body.passages[1].text).toContain('\n\nShould we then disengage');
    expect(body.passages[0].topics).toEqual([
      { slug: 'denuclearization', name: 'Denuclearization' },
      { slug: 'engagement-and-diplomacy', name: 'Engagement and diplomacy' },
    ]);
  });

  it('answers 200 with the essay, its 12 paragraphs addressed #p1 to #p12', async () => {
    const body = await (await detail(ESSAY)).json();
    expect(body.date).toEqual({ iso: '2016-12', label: 'December 2016', precision: 'month', year: 2016 });
    expect(body.passages.map((p: { url: string }) => p.url)).toEqual(Array.from({ length: 12 }, (_, i) => `${ORIGIN}/documents/${ESSAY}#p${i + 1}`));
    expect(body.passages.every((p: { kind: string; speaker: { slug: string } }) => p.kind === 'paragraph' && p.speaker.slug === 'seongmin-lee')).toBe(true);
  });

  it.each(['no-such-document', 'seongmin-lee', 'sanctions'])('answers 404 JSON for %j', async (slug) => {
    const res = await detail(slug);
    expect(res.status).toBe(404);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await res.json()).toEqual({ error: 'not_found', message: 'No published document at this address.' });
  });

  it.each(['Bad Slug', 'UPPER-case', 'double--hyphen'])('answers 400 naming slug for the malformed %j', async (slug) => {
    const res = await detail(slug);
    expect(res.status).toBe(400);
    const body = await res.json();
    expect(body.error).toBe('invalid_parameter');
    expect(body.problems.map((p: Problem) => p.parameter)).toEqual(['slug']);
  });
});
