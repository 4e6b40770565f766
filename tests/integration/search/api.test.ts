// GET /api/v1/search, called as Next calls the route handler: the JSON contract, 400s that name the
// parameter at fault, and hostile queries that must never fail.
import { afterAll, describe, expect, it } from 'vitest';
import { GET } from '@/app/api/v1/search/route';
import { prisma } from '@/lib/db/client';
import { env } from '@/lib/env';

const INTERVIEW = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';
const ESSAY = 'how-to-really-bring-change-to-north-korea';
// The API's url fields are on the configured site address (SITE_URL, else localhost on PORT), never
// on the host a request names.
const ORIGIN = env.SITE_URL ? new URL(env.SITE_URL).origin : `http://localhost:${env.PORT}`;

const get = (query: string, origin = ORIGIN) => GET(new Request(`${origin}/api/v1/search?${query}`));
const withQ = (q: string, rest = '') => get(`${new URLSearchParams({ q })}${rest ? `&${rest}` : ''}`);

interface Hit {
  passageId: number;
  documentSlug: string;
  documentTitle: string;
  kind: string;
  speaker: { slug: string; name: string } | null;
  date: string;
  snippet: string;
  url: string;
  score: number;
  question: { anchor: number; text: string; url: string } | null;
}

afterAll(() => prisma.$disconnect());

describe('the response', () => {
  it('answers 200 JSON in the documented shape', async () => {
    const response = await withQ('sanctions');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await response.json();
    expect(Object.keys(body).sort()).toEqual(['entities', 'facets', 'hits', 'matchedBy', 'page', 'pageSize', 'query', 'total']);
    expect(body.matchedBy).toBe('all');
    expect(body).toMatchObject({ query: 'sanctions', total: 4, page: 1, pageSize: 10 });
    expect(Object.keys(body.facets).sort()).toEqual(['kinds', 'speakers', 'topics', 'years']);
    expect(body.facets.speakers).toEqual([{ slug: 'seongmin-lee', name: 'Seongmin Lee', count: 4 }]);
    expect(body.facets.kinds).toEqual([{ kind: 'paragraph', count: 4 }]);
    expect(body.facets.years).toEqual([{ year: 2016, count: 4 }]);
    expect(body.facets.topics[0]).toEqual({ slug: 'sanctions', name: 'Sanctions', count: 3 });
  });

  it('gives each hit exactly the documented fields, with an absolute url to the passage', async () => {
    const body = await (await withQ('sanctions')).json();
    const [hit] = body.hits as Hit[];
    expect(Object.keys(hit).sort()).toEqual(['date', 'documentSlug', 'documentTitle', 'kind', 'passageId', 'question', 'score', 'snippet', 'speaker', 'url']);
    const passage = await prisma.passage.findFirstOrThrow({ where: { document: { slug: ESSAY }, anchor: 7 }, select: { id: true } });
    expect(hit).toMatchObject({
      passageId: passage.id,
      documentSlug: ESSAY,
      documentTitle: 'How to Really Bring Change to North Korea, My Home Country',
      kind: 'paragraph',
      speaker: { slug: 'seongmin-lee', name: 'Seongmin Lee' },
      date: '2016-12',
      url: `${ORIGIN}/documents/${ESSAY}#p7`,
    });
    expect(hit.snippet).toContain('<mark>sanctions</mark>');
    expect(hit.score).toBeGreaterThan(0);
    for (const h of body.hits as Hit[]) expect(h.url).toMatch(new RegExp(`^${ORIGIN}/documents/${h.documentSlug}#p\\d+$`));
  });

  it('dates each hit at its document’s precision', async () => {
    const body = await (await withQ('"human rights"', 'pageSize=50')).json();
    const dates = Object.fromEntries((body.hits as Hit[]).map((h) => [h.documentSlug, h.date]));
    expect(dates).toEqual({ [INTERVIEW]: '2018-08-28', [ESSAY]: '2016-12' });
    const questions = (body.hits as Hit[]).filter((h) => h.kind === 'question');
    expect(questions.map((h) => [h.speaker, h.url])).toEqual([[{ slug: 'jeff-kim', name: 'Jeff Kim' }, `${ORIGIN}/documents/${INTERVIEW}#p3`]]);
  });

  it('builds urls on the site address, whatever Host or X-Forwarded-Host the request names', async () => {
    const headers = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };
    const body = await (await GET(new Request('https://archive.example.org/api/v1/search?q=eyebrow', { headers }))).json();
    expect(body.hits.map((h: Hit) => h.url)).toEqual([`${ORIGIN}/documents/${ESSAY}#p7`]);
  });

  it('applies every filter and pages', async () => {
    const body = await (
      await withQ('korea', `speaker=seongmin-lee&topic=human-rights&kind=paragraph&document=${ESSAY}&from=2016&to=2016-12&page=2&pageSize=1`)
    ).json();
    // The essay's paragraphs tagged human-rights in seed/metadata.json: E5, E8 and E10.
    expect(body).toMatchObject({ total: 3, page: 2, pageSize: 1 });
    expect(body.hits).toHaveLength(1);
    expect(body.hits[0].documentSlug).toBe(ESSAY);
  });

  it('says plainly when there is nothing to search for', async () => {
    for (const query of ['', 'q=', 'q=%20%20', 'q=%22', 'q=*']) {
      const response = await get(query);
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(body).toMatchObject({ total: 0, hits: [], message: 'Type a word or a "phrase" to search for.' });
    }
  });
});

describe('bad parameters', () => {
  it.each<[string, string]>([
    ['q=sanctions&kind=poem', 'kind'],
    ['q=sanctions&page=0', 'page'],
    ['q=sanctions&page=-1', 'page'],
    ['q=sanctions&page=1.5', 'page'],
    ['q=sanctions&page=two', 'page'],
    ['q=sanctions&page=1001', 'page'],
    ['q=sanctions&pageSize=51', 'pageSize'],
    ['q=sanctions&pageSize=0', 'pageSize'],
    ['q=sanctions&from=2016-13', 'from'],
    ['q=sanctions&to=2016-02-30', 'to'],
    ['q=sanctions&from=yesterday', 'from'],
    ['q=sanctions&from=2018&to=2016', 'from'],
    ['q=sanctions&from=yesterday&to=2016', 'from'],
    ['q=sanctions&from=2016&to=tomorrow', 'to'],
    ['q=sanctions&speaker=Seongmin%20Lee', 'speaker'],
    ['q=sanctions&topic=human_rights', 'topic'],
    ['q=sanctions&document=..%2Fetc', 'document'],
    ['q=sanctions&sort=newest', 'sort'],
    ['q=sanctions&page=0x10', 'page'],
    ['q=sanctions&page=1e3', 'page'],
    ['q=sanctions&page=%2B1', 'page'],
    ['q=sanctions&page=1.0', 'page'],
    ['q=sanctions&pageSize=%205', 'pageSize'],
    ['q=sanctions&page=1&page=2', 'page'],
    ['q=sanctions&q=china', 'q'],
    ['q=sanctions&utm_source=x', 'utm_source'],
    [`q=${'a'.repeat(501)}`, 'q'],
  ])('%s → 400 naming %s', async (query, parameter) => {
    const response = await get(query);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const body = await response.json();
    expect(body.error).toBe('invalid_parameter');
    expect(body.problems.map((p: { parameter: string }) => p.parameter)).toEqual([parameter]);
    expect(body.problems[0].message).toEqual(expect.any(String));
    expect(body.message).toContain(parameter);
  });

  it('names every bad parameter at once', async () => {
    const body = await (await get('q=x&kind=poem&page=0&colour=red')).json();
    expect(body.problems.map((p: { parameter: string }) => p.parameter).sort()).toEqual(['colour', 'kind', 'page']);
  });

  it('accepts the limits themselves: q of 500 characters, pageSize 50, page 1000', async () => {
    expect((await get(`q=${'a'.repeat(500)}`)).status).toBe(200);
    expect((await get('q=sanctions&pageSize=50&page=1000')).status).toBe(200);
    const body = await (await get('q=sanctions&pageSize=50&page=1000')).json();
    expect(body).toMatchObject({ total: 4, hits: [], page: 1000, pageSize: 50 });
  });
});

describe('hostile queries', () => {
  // Each must answer 200 with a well-formed body; where the result is clear from the texts, its total.
  const HOSTILE: [string, number | null][] = [
    ['"', 0],
    ['(', 0],
    [')', 0],
    ['*', 0],
    ['-', 0],
    ['--', 0],
    ['""', 0],
    ['"""', 0],
    ['"*"', 0],
    ['((((', 0],
    ['))))', 0],
    ['^', 0],
    [':', 0],
    ['{}', 0],
    ['\\', 0],
    ['%', 0],
    ['_', 0],
    ['\u0000', 0],
    ['OR', 0],
    // Operators FTS5 knows are words here: "and", "not", and "near" (E4: "in the near future").
    ['AND', null],
    ['NOT', null],
    ['NEAR', 1],
    ['OR OR OR', 0],
    ['-sanctions', 0],
    ['--sanctions', 0],
    ['- -', 0],
    ['sanctions -', 4],
    ['^sanctions', 4],
    ['sanctions^', 4],
    ['(sanctions)', 4],
    ['sanctions)', 4],
    ['"sanctions', 4],
    ['sanctions"', 4],
    ['sanctions OR', 4],
    ['OR sanctions', 4],
    ['sanctions OR OR china', 5],
    ['+sanctions', 4],
    ['sanctions NEAR/2 china', null],
    ['NEAR(sanctions china, 5)', null],
    ['{text title}: sanctions', null],
    // Not found by its words; by meaning, the passages about sanctions may be.
    ['text:sanctions', null],
    ['col:x', 0],
    ["don't", 4],
    ['multi-agent', 0],
    ['20.04', 0],
    ["' OR 1=1 --", null],
    ["'; DROP TABLE Passage; --", null],
    ['"; DELETE FROM passage_fts; --', null],
    ['sanctions\u0000china', null],
    ['🙂 sanctions', 4],
    ['🏳️‍🌈', 0],
    ['\u0301', 0],
    ['\u200b', 0],
    ['\ufeff', 0],
    ['\u202e sanctions', 4],
    ['北朝鮮', 0],
    ['Ἀθῆναι', 0],
    ['İSTANBUL', 0],
    ['ﬁnance', null],
    ['a*', null],
    ['ab*', null],
    ['*sanctions*', 4],
    ['sanct***', 4],
    ['"north korea"*', 18],
    ['-"north korea" sanctions', 0],
    ['sanctions -"', 4],
    ['(((((((((((((((((((((((((((((((((((((((((((((((((((((sanctions', 4],
    ['('.repeat(500), 0],
    ['"'.repeat(500), 0],
    ['-a '.repeat(166), 0],
    [`sanctions${' -zq'.repeat(122)}`, 4],
    ['korea '.repeat(83), 18],
    ['a OR '.repeat(99) + 'a', null],
    ['*'.repeat(500), 0],
  ];

  it('has a long table of them', () => {
    expect(HOSTILE.length).toBeGreaterThanOrEqual(25);
  });

  it.each(HOSTILE)('%j answers 200 with a well-formed body', async (q, total) => {
    expect(q.length).toBeLessThanOrEqual(500);
    const response = await withQ(q);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(typeof body.total).toBe('number');
    expect(Array.isArray(body.hits)).toBe(true);
    expect(body.hits.length).toBeLessThanOrEqual(10);
    expect(body.query).toBe(q.trim() === '' ? '' : q);
    if (total !== null) expect(body.total).toBe(total);
    for (const hit of body.hits as Hit[]) expect(hit.snippet).not.toMatch(/<(?!\/?mark>)/);
    if (body.total === 0 && body.message === undefined) expect(body.facets).toEqual({ speakers: [], topics: [], kinds: [], years: [] });
  });

  it('answers 200 to malformed percent-encoding and lone surrogates in q', async () => {
    for (const raw of ['%ED%A0%80', '%FF%FE', '%C0%AF', '%E2%82', 'sanctions%ED%A0%80']) {
      const response = await get(`q=${raw}`);
      expect(response.status).toBe(200);
      const body = await response.json();
      expect(typeof body.total).toBe('number');
    }
  });

  it('leaves the archive as it was', async () => {
    expect(await prisma.passage.count()).toBe(18);
    const indexed = await prisma.$queryRaw<{ n: bigint | number }[]>`SELECT count(*) AS n FROM passage_fts`;
    expect(Number(indexed[0].n)).toBe(18);
    expect((await (await withQ('sanctions')).json()).total).toBe(4);
  });
});
