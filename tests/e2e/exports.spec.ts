// The reader's Download links in a real Chromium against the production build: one per format, each
// a plain link (no script) that downloads "<slug>.<extension>" with every passage credited to its speaker.
import { expect, test } from '@playwright/test';

const SLUG = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';

const FORMATS = [
  ['JSON', 'json'],
  ['Markdown', 'md'],
  ['Plain text', 'txt'],
  ['CSV of passages', 'csv'],
  ['WebVTT', 'vtt'],
  ['TEI XML', 'tei.xml'],
  ['OHMS XML', 'ohms.xml'],
] as const;

test('the reader offers every format, and a link downloads the document with its speakers', async ({ page }) => {
  await page.goto(`/documents/${SLUG}`);
  const downloads = page.getByRole('region', { name: 'Download' });
  await expect(downloads.getByRole('link')).toHaveCount(FORMATS.length);
  for (const [label, extension] of FORMATS) {
    const link = downloads.getByRole('link', { name: label, exact: true });
    await expect(link).toHaveAttribute('download', `${SLUG}.${extension}`);
    const response = await page.request.get((await link.getAttribute('href'))!);
    expect(response.status(), label).toBe(200);
    expect(response.headers()['content-disposition']).toBe(`attachment; filename="${SLUG}.${extension}"`);
  }

  const [download] = await Promise.all([page.waitForEvent('download'), downloads.getByRole('link', { name: 'WebVTT', exact: true }).click()]);
  expect(download.suggestedFilename()).toBe(`${SLUG}.vtt`);
  const { readFile } = await import('node:fs/promises');
  const vtt = await readFile((await download.path())!, 'utf8');
  expect(vtt.startsWith('WEBVTT\n')).toBe(true);
  expect(vtt).toContain('<v.question Jeff Kim>');
  expect(vtt).toContain('<v.answer Seongmin Lee>');
});
