// GET /api/v1/speakers, /api/v1/speakers/<slug>, /api/v1/topics and /api/v1/topics/<slug>.
import { afterAll, describe, expect, it } from 'vitest';
import { GET as getSpeakerRoute } from '@/app/api/v1/speakers/[slug]/route';
import { GET as listSpeakersRoute } from '@/app/api/v1/speakers/route';
import { GET as getTopicRoute } from '@/app/api/v1/topics/[slug]/route';
import { GET as listTopicsRoute } from '@/app/api/v1/topics/route';
import { prisma } from '@/lib/db/client';
import { env } from '@/lib/env';
import { publicApiBody } from '@/tests/support/public-api';

const INTERVIEW = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';
const ESSAY = 'how-to-really-bring-change-to-north-korea';
// The API's url fields are on the configured site address (SITE_URL, else localhost on PORT), never
// on the host a request names.
const ORIGIN = env.SITE_URL ? new URL(env.SITE_URL).origin : `http://localhost:${env.PORT}`;

const withSlug = (route: typeof getSpeakerRoute, base: string) => (slug: string) =>
  route(new Request(`${ORIGIN}/api/v1/${base}/${encodeURIComponent(slug)}`), { params: Promise.resolve({ slug }) });
const speaker = withSlug(getSpeakerRoute, 'speakers');
const topic = withSlug(getTopicRoute, 'topics');

/** A 404 in the API's JSON error shape, naming what is not published at the address. */
async function expectNotFound(res: Response, noun: 'speaker' | 'topic') {
  expect(res.status).toBe(404);
  expect(await res.json()).toEqual({ error: 'not_found', message: `No published ${noun} at this address.` });
}

/** A 400 that names the slug parameter as the problem. */
async function expectSlugRefused(res: Response) {
  expect(res.status).toBe(400);
  expect(await res.json()).toMatchObject({ error: 'invalid_parameter', problems: [{ parameter: 'slug' }] });
}

interface PassageJson {
  anchor: number;
  url: string;
  document: { slug: string };
}

afterAll(() => prisma.$disconnect());

describe('GET /api/v1/speakers', () => {
  it('answers 200 with both speakers, their bios, counts and addresses', async () => {
    const body = await publicApiBody(await listSpeakersRoute(new Request(`${ORIGIN}/api/v1/speakers`)));
    expect(body.items).toEqual([
      {
        slug: 'jeff-kim',
        name: 'Jeff Kim',
        bio: 'Jeff Kim is a Bush Institute Human Freedom Initiative consultant.',
        documentCount: 1,
        passageCount: 3,
        url: `${ORIGIN}/speakers/jeff-kim`,
      },
      {
        slug: 'seongmin-lee',
        name: 'Seongmin Lee',
        bio: expect.stringMatching(/^Seongmin Lee is a North Korean defector/),
        documentCount: 2,
        passageCount: 15,
        url: `${ORIGIN}/speakers/seongmin-lee`,
      },
    ]);
  });
});

describe('GET /api/v1/speakers/<slug>', () => {
  it('answers 200 with the speaker, documents with roles, and passages by topic with reader addresses', async () => {
    const res = await speaker('seongmin-lee');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({
      slug: 'seongmin-lee',
      name: 'Seongmin Lee',
      aliases: ['Lee Seongmin', 'SL'],
      documentCount: 2,
      passageCount: 15,
      url: `${ORIGIN}/speakers/seongmin-lee`,
    });
    expect(body.documents.map((d: { slug: string; roles: string[] }) => [d.slug, d.roles])).toEqual([
      [INTERVIEW, ['interviewee']],
      [ESSAY, ['author']],
    ]);
    expect(body.byTopic).toHaveLength(10);
    expect(body.byTopic[0].topic).toEqual({ slug: 'citizens-as-agents-of-change', name: 'Citizens as agents of change' });
    expect(body.byTopic[0].passages.map((p: PassageJson) => p.url)).toEqual([
      `${ORIGIN}/documents/${INTERVIEW}#p2`,
      `${ORIGIN}/documents/${INTERVIEW}#p6`,
      `${ORIGIN}/documents/${ESSAY}#p1`,
      `${ORIGIN}/documents/${ESSAY}#p8`,
      `${ORIGIN}/documents/${ESSAY}#p12`,
    ]);
    for (const group of body.byTopic) {
      for (const p of group.passages as PassageJson[]) expect(p.url).toBe(`${ORIGIN}/documents/${p.document.slug}#p${p.anchor}`);
    }
  });

  it('answers 200 for Jeff Kim with his questions only', async () => {
    const body = await (await speaker('jeff-kim')).json();
    expect(body).toMatchObject({ slug: 'jeff-kim', aliases: ['JK'], documentCount: 1, passageCount: 3 });
    expect(body.byTopic.map((g: { topic: { slug: string } }) => g.topic.slug)).toEqual([
      'engagement-and-diplomacy',
      'denuclearization',
      'human-rights',
      'perceptions-of-north-korea',
    ]);
  });

  it.each(['no-such-speaker', 'human-rights'])('answers 404 JSON for %j', async (slug) => {
    await expectNotFound(await speaker(slug), 'speaker');
  });

  it('answers 400 naming slug for a malformed one', async () => {
    await expectSlugRefused(await speaker('Seongmin Lee'));
  });
});

describe('GET /api/v1/topics', () => {
  it('answers 200 with the ten topics, their counts and addresses', async () => {
    const res = await listTopicsRoute(new Request(`${ORIGIN}/api/v1/topics`));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.items).toHaveLength(10);
    expect(body.items[0]).toEqual({
      slug: 'china',
      name: 'China',
      description: "China's role: trade across the border and the enforcement of sanctions.",
      passageCount: 2,
      documentCount: 1,
      url: `${ORIGIN}/topics/china`,
    });
    expect(body.items.map((t: { slug: string; passageCount: number; documentCount: number }) => [t.slug, t.passageCount, t.documentCount])).toEqual([
      ['china', 2, 1],
      ['citizens-as-agents-of-change', 5, 2],
      ['denuclearization', 5, 2],
      ['engagement-and-diplomacy', 6, 2],
      ['human-rights', 5, 2],
      ['outside-information', 5, 2],
      ['perceptions-of-north-korea', 5, 2],
      ['sanctions', 5, 1],
      ['smuggling-and-markets', 2, 1],
      ['personality-cult', 1, 1],
    ]);
  });
});

describe('GET /api/v1/topics/<slug>', () => {
  it('answers 200 with the topic and its passages, each with its reader address', async () => {
    const res = await topic('human-rights');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ slug: 'human-rights', name: 'Human rights', passageCount: 5, documentCount: 2, url: `${ORIGIN}/topics/human-rights` });
    expect(body.passages.map((p: PassageJson) => p.url)).toEqual([
      `${ORIGIN}/documents/${INTERVIEW}#p3`,
      `${ORIGIN}/documents/${INTERVIEW}#p4`,
      `${ORIGIN}/documents/${ESSAY}#p5`,
      `${ORIGIN}/documents/${ESSAY}#p8`,
      `${ORIGIN}/documents/${ESSAY}#p10`,
    ]);
    expect(body.passages[0]).toMatchObject({
      kind: 'question',
      speaker: { slug: 'jeff-kim', name: 'Jeff Kim' },
      document: { slug: INTERVIEW, date: { label: '28 August 2018' } },
    });
    expect(body.passages[0].text).toMatch(/^Human rights were not on the table/);
  });

  it.each(['no-such-topic', 'seongmin-lee'])('answers 404 JSON for %j', async (slug) => {
    await expectNotFound(await topic(slug), 'topic');
  });

  it('answers 400 naming slug for a malformed one', async () => {
    await expectSlugRefused(await topic('Bad Slug'));
  });
});

describe('parameters and addresses, the same rules as every /api/v1 endpoint', () => {
  const routes = [
    ['/api/v1/speakers', (request: Request) => listSpeakersRoute(request)],
    ['/api/v1/topics', (request: Request) => listTopicsRoute(request)],
    ['/api/v1/speakers/seongmin-lee', (request: Request) => getSpeakerRoute(request, { params: Promise.resolve({ slug: 'seongmin-lee' }) })],
    ['/api/v1/topics/china', (request: Request) => getTopicRoute(request, { params: Promise.resolve({ slug: 'china' }) })],
  ] as const;

  it.each(routes)('%s refuses an unknown or repeated parameter with a 400 naming it, as documents does', async (path, call) => {
    for (const [query, parameter] of [
      ['limit=5', 'limit'],
      ['utm_source=x', 'utm_source'],
      ['limit=5&limit=6', 'limit'],
    ]) {
      const res = await call(new Request(`${ORIGIN}${path}?${query}`));
      expect(res.status, query).toBe(400);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      const body = await res.json();
      expect(body.error).toBe('invalid_parameter');
      expect(body.problems.map((p: { parameter: string }) => p.parameter)).toContain(parameter);
      expect(body.message).toContain(parameter);
    }
  });

  it.each(routes)('%s answers 200 without parameters, and with a blank one (an empty form field)', async (path, call) => {
    expect((await call(new Request(`${ORIGIN}${path}`))).status).toBe(200);
    expect((await call(new Request(`${ORIGIN}${path}?limit=`))).status).toBe(200);
  });

  it.each(routes)('%s builds its url fields on the site address, not on the Host or X-Forwarded-Host a client sent', async (path, call) => {
    const headers = { host: 'evil.example', 'x-forwarded-host': 'evil.example', 'x-forwarded-proto': 'https' };
    const body = JSON.stringify(await (await call(new Request(`https://archive.example.org${path}`, { headers }))).json());
    const urls = [...body.matchAll(/"url":"([^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) expect(url.startsWith(`${ORIGIN}/`), url).toBe(true);
  });
});
