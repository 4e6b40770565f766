// The API's description and validators over real HTTP, through the request edge of `npm start`:
// the /api page, /api/v1/openapi.json, an ETag and a 304 for a client that has the answer, and
// reads from another site (CORS, with its preflight).
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test('/api explains every endpoint, from the description programs read', async ({ page, request }) => {
  const description = await (await request.get('/api/v1/openapi.json')).json();
  expect(description.openapi).toBe('3.1.0');
  const response = await page.goto('/api');
  expect(response?.status()).toBe(200);
  await expect(page.getByRole('heading', { level: 1, name: 'Interview Archive API' })).toBeVisible();
  for (const [path, item] of Object.entries(description.paths as Record<string, Record<string, unknown>>)) {
    for (const method of Object.keys(item)) {
      await expect(page.getByRole('heading', { level: 3, name: `${method.toUpperCase()} /api/v1${path}`, exact: true })).toBeVisible();
    }
  }
  await expect(page.getByRole('table', { name: 'Parameters' }).first()).toBeVisible();
  // An example link leads to a real answer.
  await page
    .locator('article', { has: page.getByRole('heading', { name: 'GET /api/v1/topics/{slug}', exact: true }) })
    .getByRole('link', { name: 'Open the example’s answer' })
    .click();
  await expect(page).toHaveURL(/\/api\/v1\/topics\/china$/);
  await page.goto('/api');
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual([]);
});

test('a GET answer carries an ETag, and a client that has it gets 304 without a body', async ({ request }) => {
  for (const path of [
    '/api/v1/documents',
    '/api/v1/documents/how-to-really-bring-change-to-north-korea',
    '/api/v1/search?q=sanctions',
    '/api/v1/openapi.json',
  ]) {
    const first = await request.get(path);
    expect(first.status(), path).toBe(200);
    const etag = first.headers()['etag'];
    expect(etag, path).toMatch(/^"[A-Za-z0-9_-]{32}"$/);
    const again = await request.get(path, { headers: { 'If-None-Match': etag } });
    expect(again.status(), path).toBe(304);
    expect((await again.body()).length).toBe(0);
    expect(again.headers()['etag']).toBe(etag);
  }
});

test('another site may read the API: Access-Control-Allow-Origin * and a preflight answered', async ({ request }) => {
  const read = await request.get('/api/v1/topics', { headers: { Origin: 'https://elsewhere.example' } });
  expect(read.headers()['access-control-allow-origin']).toBe('*');
  expect(read.headers()['access-control-allow-credentials']).toBeUndefined();
  const preflight = await request.fetch('/api/v1/topics', {
    method: 'OPTIONS',
    headers: { Origin: 'https://elsewhere.example', 'Access-Control-Request-Method': 'GET', 'Access-Control-Request-Headers': 'if-none-match' },
  });
  expect(preflight.status()).toBe(204);
  expect(preflight.headers()).toMatchObject({ 'access-control-allow-origin': '*', 'access-control-allow-methods': 'GET, HEAD, OPTIONS' });
  expect(preflight.headers()['access-control-allow-headers']).toMatch(/If-None-Match/i);
});
