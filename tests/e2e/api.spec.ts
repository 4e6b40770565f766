// The read API over real HTTP, from the same server readers use.
import { expect, test } from '@playwright/test';

test('GET /api/v1/documents lists published documents and filters them', async ({ request }) => {
  const all = await request.get('/api/v1/documents');
  expect(all.status()).toBe(200);
  const body = await all.json();
  expect(body.total).toBe(2);
  expect(body.items.map((d: { slug: string }) => d.slug)).toEqual([
    'seongmin-lee-qa-part-2-us-relations-with-north-korea',
    'how-to-really-bring-change-to-north-korea',
  ]);

  const essays = await (await request.get('/api/v1/documents?kind=essay')).json();
  expect(essays.items).toHaveLength(1);
  expect(essays.items[0].date).toMatchObject({ iso: '2016-12', precision: 'month', label: 'December 2016' });
});

test('GET /api/v1/documents/<slug> gives every passage with its reader address', async ({ request, baseURL }) => {
  const response = await request.get('/api/v1/documents/seongmin-lee-qa-part-2-us-relations-with-north-korea');
  expect(response.status()).toBe(200);
  const doc = await response.json();
  expect(doc.passages).toHaveLength(6);
  expect(doc.passages[1]).toMatchObject({
    position: 2,
    kind: 'answer',
    speaker: { slug: 'seongmin-lee', name: 'Seongmin Lee' },
    // On the configured site address (no SITE_URL here: localhost on the server's PORT), not the host asked.
    url: `http://localhost:${new URL(baseURL!).port}/documents/seongmin-lee-qa-part-2-us-relations-with-north-korea#p2`,
    questionAnchor: 1,
  });
  expect(doc.passages[1].topics.length).toBeGreaterThan(0);
});

test('bad parameters get 400 naming the parameter; unknown slugs 404', async ({ request }) => {
  const bad = await request.get('/api/v1/documents?from=yesterday');
  expect(bad.status()).toBe(400);
  expect(await bad.json()).toMatchObject({ error: 'invalid_parameter', problems: [{ parameter: 'from' }] });

  for (const path of ['/api/v1/documents/nope', '/api/v1/speakers/nobody', '/api/v1/topics/nothing']) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(404);
    expect((await response.json()).error).toBe('not_found');
  }
});

test('speakers and topics endpoints answer with counts', async ({ request }) => {
  const speakers = await (await request.get('/api/v1/speakers')).json();
  expect(speakers.items.map((s: { slug: string }) => s.slug)).toEqual(['jeff-kim', 'seongmin-lee']);
  const topics = await (await request.get('/api/v1/topics')).json();
  expect(topics.items.length).toBeGreaterThanOrEqual(8);
  const china = await (await request.get('/api/v1/topics/china')).json();
  expect(china.passages.length).toBe(2);
});
