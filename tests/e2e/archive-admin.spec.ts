// The whole archive from the back office (/admin/archive.json): admins only, without accounts, and
// every passage in it whole and credited to its own speaker, as the public API gives it.
import { readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { EDITOR_ONLY, signIn, signInAs } from './admin-fixtures';

test('signed out, the download sends to the sign-in page; an editor who is not an admin is turned away', async ({ page }) => {
  await page.goto('/admin/archive.json');
  await expect(page).toHaveURL(/\/sign-in\?next=/);
  await signInAs(page, EDITOR_ONLY);
  await expect(page.getByRole('link', { name: 'Download the archive as JSON' })).toHaveCount(0);
  const refused = await page.request.get('/admin/archive.json', { maxRedirects: 0 });
  // requireAdmin(): 403 (next.config enables authInterrupts, so forbidden() answers), never the file.
  expect(refused.status()).toBe(403);
  expect(await refused.text()).not.toContain('interview-archive');
});

test('an admin downloads the archive: every passage whole and credited, users without passwords', async ({ page, request }) => {
  await signIn(page);
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Download the archive as JSON' }).click()]);
  expect(download.suggestedFilename()).toMatch(/^archive-\d{4}-\d{2}-\d{2}\.json$/);
  const text = readFileSync((await download.path())!, 'utf8');
  expect(text).not.toContain('$argon2');
  const archive = JSON.parse(text);
  expect(archive).toMatchObject({ format: 'interview-archive', version: 1, withAccounts: false });
  expect(archive.accounts).toBeUndefined();
  expect(archive.users.map((u: { email: string }) => u.email)).toContain('e2e-admin@archive.test');

  const speakers = new Map(archive.speakers.map((s: { id: number; slug: string }) => [s.id, s.slug]));
  for (const slug of ['seongmin-lee-qa-part-2-us-relations-with-north-korea', 'how-to-really-bring-change-to-north-korea']) {
    const published = await (await request.get(`/api/v1/documents/${slug}`)).json();
    const doc = archive.documents.find((d: { slug: string }) => d.slug === slug);
    const passages = archive.passages
      .filter((p: { documentId: number }) => p.documentId === doc.id)
      .sort((a: { position: number }, b: { position: number }) => a.position - b.position)
      .map((p: { anchor: number; speakerId: number | null; text: string }) => ({
        anchor: p.anchor,
        speaker: p.speakerId === null ? null : speakers.get(p.speakerId),
        text: p.text,
      }));
    expect(passages).toEqual(
      published.passages.map((p: { anchor: number; speaker: { slug: string } | null; text: string }) => ({
        anchor: p.anchor,
        speaker: p.speaker?.slug ?? null,
        text: p.text,
      })),
    );
  }
});
