// The back office's defences over real HTTP against the production build: every server action,
// enumerated from the code, refuses a caller without a session (and an editor where an admin is
// needed) and writes nothing; spoofed middleware headers and foreign origins get nowhere; the
// return address after sign-in never leaves the site.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type APIRequestContext } from '@playwright/test';
import { EDITOR, ensureAdminAccount, ensureEditorAccount, hydrated, signIn, signInAs, EDITOR_ONLY } from './admin-fixtures';
import { closeE2eDatabase, queryOneE2e } from './support/e2e-database';
import { actionsInBuild, actionsInSource, callAction as callWithOptions, fingerprint, sourceFiles, type ManifestAction } from './support/server-actions';

// The database reader started by fingerprint() is this file's: its connection ends with it.
test.afterAll(() => closeE2eDatabase());

/** Actions anyone may call: signing in and out are how a session starts and ends. */
const PUBLIC_ACTIONS = new Set(['app/(auth)/sign-in/actions.ts#signIn', 'lib/admin/sign-out.ts#signOut']);
/** Actions an editor may not call either. */
const ADMIN_ONLY = /admin\/users\/actions\.ts#|documents\/actions\.ts#restoreDocument$/;

/** A plausible body for any action: ids and versions that exist, text that would show if it were saved. */
function hostileForm(): Record<string, string> {
  return {
    id: '1',
    documentId: '1',
    expectedVersion: '1',
    anchor: '1',
    next: '2',
    paragraph: '2',
    direction: 'down',
    topicId: '1',
    text: 'WRITTEN WITHOUT PERMISSION',
    title: 'WRITTEN WITHOUT PERMISSION',
    name: 'WRITTEN WITHOUT PERMISSION',
    slug: 'written-without-permission',
    date: '2020',
    kind: 'essay',
    language: 'en',
    confirm: 'yes',
    revisionVersion: '1',
    targetId: '2',
    sourceId: '1',
    email: 'intruder@example.com',
    password: 'intruder password 123',
    role: 'admin',
    userId: 'x',
    disabled: 'true',
    raw: 'AB: Hello?\n\nCD: Hi.',
    documentTitle: 'WRITTEN WITHOUT PERMISSION',
  };
}

/** A call with a plausible body by default, as React's client encodes it. */
function callAction(request: APIRequestContext, action: ManifestAction, headers: Record<string, string> = {}, fields: Record<string, string> = hostileForm()) {
  return callWithOptions(request, action, { headers, fields });
}

test.describe.configure({ mode: 'serial' });

test('every server action in the code is in the build, so none escapes these checks', () => {
  const built = new Set(actionsInBuild().map((a) => a.key));
  const inSource = actionsInSource();
  expect(inSource.length).toBeGreaterThan(20);
  expect(inSource.filter((key) => !built.has(key))).toEqual([]);
});

test('without a session, every back-office action is refused and writes nothing', async ({ playwright, baseURL }) => {
  ensureAdminAccount();
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const action of actionsInBuild().filter((a) => !PUBLIC_ACTIONS.has(a.key))) {
    const before = await fingerprint();
    const response = await callAction(anonymous, action);
    expect(response.status(), action.key).toBeLessThan(500);
    expect(await response.text(), action.key).not.toContain('WRITTEN WITHOUT PERMISSION');
    expect(await fingerprint(), action.key).toBe(before);
  }
  await anonymous.dispose();
});

test('with an editor session, admin-only actions are refused and write nothing', async ({ page }) => {
  ensureEditorAccount();
  await signInAs(page, EDITOR_ONLY);
  const adminOnly = actionsInBuild().filter((a) => ADMIN_ONLY.test(a.key));
  expect(adminOnly.length).toBeGreaterThanOrEqual(4);
  for (const action of adminOnly) {
    const before = await fingerprint();
    const response = await callAction(page.request, action, { Origin: new URL(page.url()).origin });
    expect(response.status(), action.key).toBeLessThan(500);
    expect(await fingerprint(), action.key).toBe(before);
  }
  const users = await page.goto('/admin/users');
  expect(users?.status()).toBe(403);
});

test('a spoofed x-middleware-subrequest header shows no admin content', async ({ playwright, baseURL }) => {
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const value of [
    'middleware',
    'proxy',
    'middleware:middleware:middleware:middleware:middleware',
    'src/middleware:src/middleware:src/middleware:src/middleware:src/middleware',
    'proxy:proxy:proxy:proxy:proxy',
  ]) {
    for (const target of ['/admin', '/admin/documents', '/admin/users']) {
      const response = await anonymous.get(target, { headers: { 'x-middleware-subrequest': value }, maxRedirects: 0 });
      const body = await response.text();
      expect(body, `${target} ${value}`).not.toContain('Back office');
      expect(body, `${target} ${value}`).not.toContain(EDITOR.name);
      expect([303, 307, 308, 200]).toContain(response.status());
      if (response.status() === 200) expect(body).toContain('Sign in');
    }
  }
  await anonymous.dispose();
});

test("a signed-in editor's actions posted from a foreign origin, or Origin: null, are refused", async ({ page }) => {
  await signIn(page);
  const publish = actionsInBuild().find((a) => a.key.endsWith('documents/actions.ts#unpublish'))!;
  for (const origin of ['https://evil.example', 'null']) {
    const before = await fingerprint();
    const response = await callAction(page.request, publish, { Origin: origin });
    expect(response.ok(), origin).toBe(false);
    expect(await fingerprint(), origin).toBe(before);
  }
});

test('after sign-in, the return address only ever leads within the site', async ({ browser }) => {
  for (const next of ['//evil.com', '/\\evil.com', 'https://evil.com/admin', 'javascript:alert(1)', '/%2F%2Fevil.com', '\\\\evil.com']) {
    // A fresh browser for each address, not cleared cookies: the back office's pages renew the session
    // cookie on every read (proxy.ts), so a prefetch of the last /admin answered after the cookies were
    // cleared set it again, and /sign-in then sent the signed-in editor straight on (a CI flake).
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
    await hydrated(page);
    await page.getByLabel('Email').fill(EDITOR.email);
    await page.getByLabel('Password').fill(EDITOR.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect(page, next).toHaveURL(/^http:\/\/127\.0\.0\.1:\d+\/admin$/);
    await context.close();
  }
});

test('the same call with an admin session and the right version does write: the checks above can fail', async ({ page }) => {
  await signIn(page);
  const unpublish = actionsInBuild().find((a) => a.key.endsWith('documents/actions.ts#unpublish'))!;
  const { id, version } = (await queryOneE2e<{ id: number; version: number }>(
    "SELECT id, version FROM Document WHERE status = 'published' AND deletedAt IS NULL ORDER BY id LIMIT 1",
  ))!;
  const before = await fingerprint();
  const origin = { Origin: new URL(page.url()).origin };
  await callAction(page.request, unpublish, origin, { id: String(id), expectedVersion: String(version) });
  expect(await fingerprint()).not.toBe(before);

  // Published again, so the specs after this one find the archive as seeded (two-servers edits this document).
  const unpublished = (await queryOneE2e<{ status: string; version: number }>('SELECT status, version FROM Document WHERE id = ?', id))!;
  expect(unpublished.status).toBe('draft');
  const publish = actionsInBuild().find((a) => a.key.endsWith('documents/actions.ts#publish'))!;
  await callAction(page.request, publish, origin, { id: String(id), expectedVersion: String(unpublished.version) });
  expect((await queryOneE2e<{ status: string }>('SELECT status FROM Document WHERE id = ?', id))!.status).toBe('published');
});

/** Every handler under app/api that writes (POST, PUT, PATCH, DELETE), read from the code: declared as a
 * function or as a const (a handler wrapped by withJsonErrors). Better Auth's own catch-all is excluded: it is how a session starts. */
function writingRouteHandlers(): { file: string; method: string; url: string }[] {
  return sourceFiles('app/api')
    .filter((file) => file.endsWith('route.ts') && !file.includes(`${path.sep}auth${path.sep}`))
    .flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/export\s+(?:(?:async\s+)?function|const)\s+(POST|PUT|PATCH|DELETE)\b/g)].map((m) => ({
        file,
        method: m[1],
        url: `/${path.dirname(file).split(path.sep).slice(1).join('/')}`.replace(/\[[^\]]+\]/g, '1'),
      })),
    );
}

test('every writing route handler refuses a caller without a session and writes nothing', async ({ playwright, baseURL }) => {
  const handlers = writingRouteHandlers();
  expect(handlers.length).toBeGreaterThanOrEqual(1);
  const anonymous = await playwright.request.newContext({ baseURL });
  for (const handler of handlers) {
    const before = await fingerprint();
    const response = await anonymous.fetch(handler.url, { method: handler.method, data: { expectedVersion: 1, text: 'WRITTEN WITHOUT PERMISSION' } });
    // The catch-all under /api/v1 answers every method with a JSON 404: it writes nothing to refuse. The
    // cache renewal route answers 404 to anyone without the server's own token, as if it were not there.
    const hidden = handler.file.includes('[...') || handler.url === '/api/cache';
    expect(response.status(), handler.file).toBe(hidden ? 404 : 401);
    expect(await fingerprint(), handler.file).toBe(before);
  }
  await anonymous.dispose();
});

test('the JSON passage endpoint answers a stale version with 409 and both sides, and writes nothing', async ({ page }) => {
  await signIn(page);
  const { id, version } = (await queryOneE2e<{ id: number; version: number }>(
    "SELECT id, version FROM Document WHERE slug = 'how-to-really-bring-change-to-north-korea'",
  ))!;
  const url = `/api/v1/admin/documents/${id}/passages/3`;
  const origin = new URL(page.url()).origin;

  const before = await fingerprint();
  const stale = await page.request.patch(url, { data: { expectedVersion: version - 1 || 999, text: 'A stale edit.' }, headers: { Origin: origin } });
  expect(stale.status()).toBe(409);
  const body = await stale.json();
  expect(body).toMatchObject({ error: 'conflict', currentVersion: version, attempted: { text: 'A stale edit.' } });
  expect(body.current.passages.find((p: { anchor: number }) => p.anchor === 3).text).toMatch(/^In a sense, all these images/);
  expect(await fingerprint()).toBe(before);

  const foreign = await page.request.patch(url, { data: { expectedVersion: version, text: 'From elsewhere.' }, headers: { Origin: 'https://evil.example' } });
  expect(foreign.status()).toBe(403);
  expect(await fingerprint()).toBe(before);

  const fresh = await page.request.patch(url, {
    data: { expectedVersion: version, text: `${body.current.passages.find((p: { anchor: number }) => p.anchor === 3).text} (edited through the API)` },
    headers: { Origin: origin },
  });
  expect(fresh.status()).toBe(200);
  expect((await fresh.json()).version).toBe(version + 1);
  await page.goto('/documents/how-to-really-bring-change-to-north-korea#p3');
  await expect(page.locator('#p3')).toContainText('(edited through the API)');
});
