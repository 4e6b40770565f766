// The back office against a hostile page on another origin (another loopback port, as a real
// attack would use another site): a signed-in /admin/users must not render inside its iframe, and
// a server action posted from it, or from any foreign Origin, is refused with 403 and writes nothing.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { EDITOR, signIn } from './admin-fixtures';
import { closeE2eDatabase, queryOneE2e } from './support/e2e-database';

let hostile: Server;
let hostileOrigin: string;
let hostilePage = '';

test.beforeAll(async () => {
  hostile = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    response.end(hostilePage);
  });
  await new Promise<void>((resolve) => hostile.listen(0, '127.0.0.1', resolve));
  hostileOrigin = `http://127.0.0.1:${(hostile.address() as AddressInfo).port}`;
});

test.afterAll(async () => {
  await new Promise((resolve) => hostile.close(resolve));
  closeE2eDatabase();
});

/** A published document's id and version, and the count of published documents: what an unpublish would change. */
async function published(): Promise<{ id: number; version: number; count: number }> {
  const row = (await queryOneE2e<{ id: number; version: number }>(
    "SELECT id, version FROM Document WHERE status = 'published' AND deletedAt IS NULL ORDER BY id LIMIT 1",
  ))!;
  const { count } = (await queryOneE2e<{ count: number }>("SELECT count(*) AS count FROM Document WHERE status = 'published' AND deletedAt IS NULL"))!;
  return { ...row, count };
}

/** The build's id for the unpublish action and a page that can call it. */
function unpublishAction(): { id: string; pagePath: string } {
  const manifest = JSON.parse(readFileSync('.next/server/server-reference-manifest.json', 'utf8')) as {
    node: Record<string, { filename: string; exportedName: string }>;
  };
  const [id] = Object.entries(manifest.node).find(([, entry]) => entry.filename.endsWith('documents/actions.ts') && entry.exportedName === 'unpublish')!;
  return { id, pagePath: '/admin/documents' };
}

test("a signed-in /admin/users refuses to render inside another origin's frame", async ({ page, baseURL }) => {
  await signIn(page);
  // Opened directly, the list shows the admin's email: the session is good, so the check below can fail.
  await page.goto('/admin/users');
  await expect(page.getByRole('main')).toContainText(EDITOR.email);

  hostilePage = `<!doctype html><title>Hostile</title><h1>Hostile</h1><iframe title="framed" src="${baseURL}/admin/users" width="800" height="600"></iframe>`;
  const refused: string[] = [];
  page.on('console', (message) => {
    if (/frame-ancestors|X-Frame-Options/i.test(message.text())) refused.push(message.text());
  });
  await page.goto(hostileOrigin);
  await expect(page.getByRole('heading', { name: 'Hostile' })).toBeVisible();
  const framed = page.frames().find((frame) => frame !== page.mainFrame())!;
  await framed.waitForLoadState().catch(() => undefined);
  const text = await framed.evaluate(() => document.body?.innerText ?? '').catch(() => '');
  expect(text).not.toContain(EDITOR.email);
  expect(text).not.toContain('Users');
  expect(framed.url()).not.toBe(`${baseURL}/admin/users`);
  await expect.poll(() => refused.length).toBeGreaterThan(0);
});

test('a server action posted from a foreign Origin is refused with 403 and writes nothing', async ({ page }) => {
  await signIn(page);
  const action = unpublishAction();
  const before = await published();
  for (const origin of ['https://evil.example', hostileOrigin, 'null', 'not a url']) {
    const form = new FormData();
    form.append('_1_id', String(before.id));
    form.append('_1_expectedVersion', String(before.version));
    form.append('0', JSON.stringify(['$K1']));
    const response = await page.request.post(action.pagePath, {
      headers: { 'Next-Action': action.id, Accept: 'text/x-component', Origin: origin },
      multipart: form,
      maxRedirects: 0,
    });
    expect(response.status(), origin).toBe(403);
    expect(await published(), origin).toEqual(before);
  }
});

test("a form on a hostile page, posted with the editor's cookie, is refused with 403 and writes nothing", async ({ page, baseURL }) => {
  await signIn(page);
  const action = unpublishAction();
  const before = await published();
  // A no-JavaScript server action post (React's MPA form format), as a cross-site form would send it.
  hostilePage = `<!doctype html><title>Hostile form</title>
    <form method="post" enctype="multipart/form-data" action="${baseURL}${action.pagePath}">
      <input type="hidden" name="$ACTION_ID_${action.id}" value="">
      <input type="hidden" name="id" value="${before.id}">
      <input type="hidden" name="expectedVersion" value="${before.version}">
      <button>Win a prize</button>
    </form>`;
  await page.goto(hostileOrigin);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === 'POST'),
    page.getByRole('button', { name: 'Win a prize' }).click(),
  ]);
  expect(response.status()).toBe(403);
  expect(response.request().headers()['origin']).toBe(hostileOrigin);
  expect(await published()).toEqual(before);
});
