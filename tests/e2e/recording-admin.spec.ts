// Time and media in the back office, in Chromium (issue 12): an editor times a passage in the passage
// editor (clock notation in, the same notation shown back, a bad time refused on its field), adds a
// section to the table of contents, and uploads a synthetic recording (espeak-ng and ffmpeg, made
// here) that is stored under a random name beside the database; a file that only pretends to be audio
// is refused, and removing the recording removes its file.
import { existsSync, mkdtempSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { hydrated, signIn } from './admin-fixtures';
import { expectNoViolations } from './support/axe';
import { importWithCli } from './support/cli-import';
import { RECORDING_MAX_BYTES } from '@/lib/media/recording-limits';
import { installMissingDebianTools } from '@/tests/support/debian-tools';
import { syntheticRecording } from '@/tests/support/synthetic-recording';

const RECORDINGS = path.resolve('data/recordings');

/** A draft of two turns, imported by the real CLI into the e2e database; returns its title. */
function importDraft(): string {
  const title = `Timed Talk ${Date.now().toString(36)}`;
  importWithCli({
    title,
    date: '2021',
    turns: [
      ['AB', 'Ann Timer', 'What did you hear at the river?'],
      ['CD', 'Chol Timer', 'Boats, mostly, and the guards calling across the water.'],
    ],
  });
  return title;
}

test.beforeAll(() => installMissingDebianTools());

test('an editor times a passage, adds a section and uploads a recording', async ({ page }) => {
  test.setTimeout(120_000);
  const title = importDraft();
  await signIn(page, '/admin/documents');
  await page.getByRole('link', { name: title }).click();
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const editor = page.url().replace(/[?#].*$/, '');

  // The passage editor: a bad time is refused on its own field, nothing saved.
  await page.goto(`${editor}/passages/2`);
  await hydrated(page);
  const form = page.getByRole('form', { name: 'Passage 2' });
  await form.getByLabel('Start', { exact: true }).fill('1:05');
  await form.getByLabel('End', { exact: true }).fill('soon');
  await form.getByRole('button', { name: 'Save passage' }).click();
  await expect(form.getByRole('alert')).toContainText('A time needs correcting.');
  await expect(form.getByLabel('End', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('End', { exact: true })).toHaveAccessibleDescription(/must be a time like 1:05, 1:05.250, 01:02:03 or a number of seconds/);
  await expectNoViolations(page);
  // Then a good one, in any of the accepted notations, shown back one way.
  await form.getByLabel('End', { exact: true }).fill('70.25');
  await form.getByRole('button', { name: 'Save passage' }).click();
  await expect(form.getByRole('status')).toContainText('Saved as version');
  await expect(form.getByLabel('Start', { exact: true })).toHaveValue('1:05');
  await expect(form.getByLabel('End', { exact: true })).toHaveValue('1:10.250');
  await page.reload();
  await expect(page.getByRole('form', { name: 'Passage 2' }).getByLabel('End', { exact: true })).toHaveValue('1:10.250');

  // The editors' JSON API takes times as a pair and answers with the passage's times.
  const api = `/api/v1/admin/documents/${editor.split('/').pop()}/passages/1`;
  const current = Number((await page.getByText(/^Document version \d+/).textContent())!.match(/\d+/)![0]);
  const half = await page.request.patch(api, { data: { expectedVersion: current, startMs: 0 } });
  expect(half.status()).toBe(400);
  expect((await half.json()).fieldErrors).toEqual({ endMs: ['give the start and the end together (both empty clears them)'] });
  const timed = await page.request.patch(api, { data: { expectedVersion: current, startMs: 0, endMs: 4200 } });
  expect(timed.status()).toBe(200);
  expect(await timed.json()).toMatchObject({ version: current + 1, changed: true, passage: { anchor: 1, startMs: 0, endMs: 4200 } });

  // The table of contents: a section starting at the answer.
  await page.goto(editor);
  await hydrated(page);
  const add = page.getByRole('form', { name: 'New section' });
  await add.getByLabel('Section title').fill('At the river');
  await add.getByLabel('Starts at passage').selectOption('2');
  await add.getByLabel('Synopsis (optional)').fill('What could be heard from the bank.');
  await add.getByRole('button', { name: 'Add section' }).click();
  await expect(page.getByRole('status').first()).toContainText('Section “At the river” saved.');
  await expect(page.getByRole('heading', { name: 'Table of contents (1)' })).toBeVisible();
  await expect(page.locator('#passage-2')).toContainText('at 1:05–1:10.250 in the recording');
  const section = page.getByRole('form', { name: 'Section “At the river”' });
  await expect(section.getByLabel('Starts at passage')).toHaveValue('2');

  // A file over the limit is stopped in the browser with the limit named, before anything is sent.
  const uploadForm = page.getByRole('form', { name: 'Upload a recording' });
  const long = path.join(mkdtempSync(path.join(tmpdir(), 'long-')), 'long.mp3');
  truncateSync((writeFileSync(long, ''), long), RECORDING_MAX_BYTES + 1); // sparse: no 50 MB written
  await uploadForm.getByLabel('Recording file').setInputFiles(long);
  await expect(uploadForm.getByLabel('Recording file')).toHaveAccessibleDescription(/must be at most 50 MB/);
  expect(await uploadForm.getByLabel('Recording file').evaluate((input: HTMLInputElement) => input.validity.valid)).toBe(false);

  // A file that only has an audio name is refused by its bytes; nothing is stored.
  await hydrated(page);
  const fake = path.join(mkdtempSync(path.join(tmpdir(), 'fake-')), 'speech.mp3');
  writeFileSync(fake, '<html><body>not a recording</body></html>');
  const upload = page.getByRole('form', { name: 'Upload a recording' });
  await upload.getByLabel('Recording file').setInputFiles(fake);
  await upload.getByRole('button', { name: 'Upload recording' }).click();
  await expect(upload.getByLabel('Recording file')).toHaveAccessibleDescription(/not audio or video the archive can play/);
  await expect(page.getByText('No recording yet.')).toBeVisible();
  await expectNoViolations(page); // the editor with a section and a refused upload

  // A real (synthetic) MP3 is stored under a random name.
  const mp3 = syntheticRecording('mp3', 'What did you hear at the river? Boats, mostly.');
  await upload.getByLabel('Recording file').setInputFiles(mp3);
  await upload.getByRole('button', { name: 'Upload recording' }).click();
  await expect(page.getByRole('status').first()).toContainText('The recording is uploaded and stored.');
  const stored = page.getByText(/^Stored file:/);
  await expect(stored).toContainText('(audio/mpeg)');
  const name = (await stored.getByRole('link').textContent())!;
  expect(name).toMatch(/^[0-9a-f]{32}\.mp3$/);
  expect(statSync(path.join(RECORDINGS, name)).size).toBe(statSync(mp3).size);
  // Served at its address to a signed-in editor (the document is a draft), whole or in ranges.
  const served = await page.request.get(`/media/recordings/${name}`);
  expect(served.status()).toBe(200);
  expect(served.headers()['content-type']).toBe('audio/mpeg');
  expect((await served.body()).length).toBe(statSync(mp3).size);
  expect((await page.request.get(`/media/recordings/${name}`, { headers: { Range: 'bytes=0-9' } })).status()).toBe(206);

  // Removing the recording takes it off the document: no longer served to anyone. The file stays on
  // disk, since the document's earlier revisions name it and restoring one brings the recording back.
  await page.getByRole('button', { name: 'Remove recording' }).click();
  await expect(page.getByRole('status').first()).toContainText('The recording is removed.');
  await expect(page.getByText('No recording yet.')).toBeVisible();
  expect((await page.request.get(`/media/recordings/${name}`)).status()).toBe(404);
  expect(existsSync(path.join(RECORDINGS, name))).toBe(true);
});
