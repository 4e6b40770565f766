// The read API shows only published documents: a draft, its passages and a speaker found only in
// it are 404s and absent from every list and count.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getDocumentRoute } from '@/app/api/v1/documents/[slug]/route';
import { GET as listDocumentsRoute } from '@/app/api/v1/documents/route';
import { GET as getSpeakerRoute } from '@/app/api/v1/speakers/[slug]/route';
import { GET as listSpeakersRoute } from '@/app/api/v1/speakers/route';
import { GET as getTopicRoute } from '@/app/api/v1/topics/[slug]/route';
import { GET as listTopicsRoute } from '@/app/api/v1/topics/route';
import { prisma } from '@/lib/db/client';
import { env } from '@/lib/env';
import { questionAndAnswer } from '@/tests/support/documents';
import { createDocumentFixture } from '@/tests/support/factories';

const DRAFT = 'an-unpublished-interview';
// The API's url fields are on the configured site address (SITE_URL, else localhost on PORT), never
// on the host a request names.
const ORIGIN = env.SITE_URL ? new URL(env.SITE_URL).origin : `http://localhost:${env.PORT}`;
const params = (slug: string) => ({ params: Promise.resolve({ slug }) });
const get = (path: string) => new Request(`${ORIGIN}${path}`);

const DRAFT_INTERVIEW = questionAndAnswer(
  { slug: DRAFT, title: 'An Unpublished Interview', date: '2019-06-01', status: 'draft' },
  { speaker: 'Draft Interviewer', text: 'Is this published yet?', topicSlugs: ['china'] },
  { speaker: 'Seongmin Lee', text: 'Not yet.', topicSlugs: ['china', 'sanctions'] },
);

beforeAll(() => createDocumentFixture(prisma, DRAFT_INTERVIEW));

afterAll(() => prisma.$disconnect());

describe('a draft document', () => {
  it('is in the database as a draft', async () => {
    expect(await prisma.document.findUnique({ where: { slug: DRAFT }, select: { status: true } })).toEqual({ status: 'draft' });
  });

  it('answers 404 at its address', async () => {
    const res = await getDocumentRoute(get(`/api/v1/documents/${DRAFT}`), params(DRAFT));
    expect(res.status).toBe(404);
    expect(await res.json()).toMatchObject({ error: 'not_found' });
  });

  it('is absent from the documents list, its total and its facets', async () => {
    const body = await (await listDocumentsRoute(get('/api/v1/documents'))).json();
    expect(body.total).toBe(2);
    expect(body.items.map((d: { slug: string }) => d.slug)).not.toContain(DRAFT);
    expect(body.facets.years.map((y: { value: string }) => y.value)).toEqual(['2018', '2016']);
    expect(body.facets.speakers.map((s: { value: string; count: number }) => [s.value, s.count])).toEqual([
      ['jeff-kim', 1],
      ['seongmin-lee', 2],
    ]);
  });

  it('is not found by filters that match only it', async () => {
    const body = await (await listDocumentsRoute(get('/api/v1/documents?from=2019&to=2019'))).json();
    expect(body).toMatchObject({ items: [], total: 0 });
  });

  it('gives no page to a speaker found only in it', async () => {
    const res = await getSpeakerRoute(get('/api/v1/speakers/draft-interviewer'), params('draft-interviewer'));
    expect(res.status).toBe(404);
    const list = await (await listSpeakersRoute(get('/api/v1/speakers'))).json();
    expect(list.items.map((s: { slug: string }) => s.slug)).toEqual(['jeff-kim', 'seongmin-lee']);
  });

  it('adds nothing to the speaker who is also in published documents', async () => {
    const body = await (await getSpeakerRoute(get('/api/v1/speakers/seongmin-lee'), params('seongmin-lee'))).json();
    expect(body).toMatchObject({ documentCount: 2, passageCount: 15 });
    expect(body.documents.map((d: { slug: string }) => d.slug)).not.toContain(DRAFT);
  });

  it('adds nothing to the topics it is tagged with', async () => {
    const china = await (await getTopicRoute(get('/api/v1/topics/china'), params('china'))).json();
    expect(china).toMatchObject({ passageCount: 2, documentCount: 1 });
    expect(china.passages.map((p: { url: string }) => p.url).some((url: string) => url.includes(DRAFT))).toBe(false);
    const topics = await (await listTopicsRoute(get('/api/v1/topics'))).json();
    const sanctions = topics.items.find((t: { slug: string }) => t.slug === 'sanctions');
    expect([sanctions.passageCount, sanctions.documentCount]).toEqual([5, 1]);
  });
});
