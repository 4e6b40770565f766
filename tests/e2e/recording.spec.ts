// The reader with a recording, in Chromium: a synthetic interview spoken by espeak-ng (a machine
// voice, never anyone's real one) and encoded by ffmpeg, written through the one write path with
// its passages' times, its recording and a table of contents, served by the app's media route.
// The player lights and follows the passage being spoken, a passage's time seeks there, ?t= links
// open at a moment or a clip, the keys work, video gets captions from the WebVTT export, and axe
// finds nothing to fix. The documents are deleted afterwards, so other specs see the seeded archive.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { SCRIPT_NODE_ARGS } from '@/scripts/node-args';
import { installMissingDebianTools } from '../support/debian-tools';
import { makeSyntheticRecording, SYNTHETIC_TRANSCRIPT, type SyntheticRecording } from '../support/synthetic-recording';
import { expectNoViolations } from './support/axe';
import { e2eDatabaseUrl } from './support/e2e-database';

test.describe.configure({ mode: 'serial', timeout: 120_000 });

// A retry gets addresses of its own: the failed attempt's documents are deleted afterwards, but a
// deleted document keeps its address (its revisions can restore it), so the same slugs would be refused.
let AUDIO = 'synthetic-recorded-interview';
let VIDEO = 'synthetic-recorded-video';
const AUDIO_FILE = `${'5e'.repeat(16)}.mp3`;
const VIDEO_FILE = `${'7a'.repeat(16)}.webm`;
/** The writes go to the database the e2e server runs on, on either engine. */
const e2eEnv = () => ({ ...process.env, DATABASE_URL: e2eDatabaseUrl() });
const created: { id: number; version: number }[] = [];
let made: SyntheticRecording;

function writeDocument(slug: string, recording: { recordingFile: string; recordingType: string }) {
  const input = {
    slug,
    kind: 'interview',
    title: slug === AUDIO ? 'A synthetic recorded interview' : 'A synthetic recorded video',
    summary: 'Test material: a machine voice (espeak-ng) reads an invented transcript.',
    date: '2026-12',
    passages: SYNTHETIC_TRANSCRIPT.map((turn, i) => ({
      kind: i % 2 === 0 ? 'question' : 'answer',
      text: turn.text,
      questionIndex: i % 2 === 0 ? null : i - 1,
      ...made.times[i],
    })),
    sections: [
      { title: 'The river', synopsis: 'Where it began.', passageIndex: 0 },
      { title: 'What was found', passageIndex: 2 },
    ],
    ...recording,
  };
  const file = path.join(made.dir, `${slug}.json`);
  writeFileSync(file, JSON.stringify(input));
  const out = execFileSync(process.execPath, [...SCRIPT_NODE_ARGS, 'tests/support/e2e-recorded-document.ts', 'create', file], { env: e2eEnv() });
  created.push(JSON.parse(out.toString()));
}

test.beforeAll(async ({ request }, testInfo) => {
  if (testInfo.retry > 0) {
    AUDIO = `${AUDIO}-retry-${testInfo.retry}`;
    VIDEO = `${VIDEO}-retry-${testInfo.retry}`;
  }
  installMissingDebianTools();
  made = makeSyntheticRecording(mkdtempSync(path.join(tmpdir(), 'e2e-recording-')));
  // The e2e server's RECORDINGS_DIR is the default, ./data/recordings.
  mkdirSync('data/recordings', { recursive: true });
  copyFileSync(made.mp3, path.join('data/recordings', AUDIO_FILE));
  copyFileSync(made.webm, path.join('data/recordings', VIDEO_FILE));
  writeDocument(AUDIO, { recordingFile: AUDIO_FILE, recordingType: 'audio/mpeg' });
  writeDocument(VIDEO, { recordingFile: VIDEO_FILE, recordingType: 'video/webm' });
  // The server renews its pages when it sees another process's write (four times a second).
  await expect.poll(async () => (await request.get(`/documents/${AUDIO}`)).status(), { timeout: 10_000 }).toBe(200);
});

test.afterAll(() => {
  for (const { id, version } of created) {
    execFileSync(process.execPath, [...SCRIPT_NODE_ARGS, 'tests/support/e2e-recorded-document.ts', 'delete', String(id), String(version)], { env: e2eEnv() });
  }
});

const audio = (page: Page) => page.locator('audio');
const currentTime = (page: Page) => audio(page).evaluate((a: HTMLAudioElement) => a.currentTime);
const spoken = (page: Page) => page.locator('article.passage[aria-current="true"]');

test('the media route serves ranges through the request edge, uncompressed', async ({ request }) => {
  const address = `/media/recordings/${AUDIO_FILE}`;
  const part = await request.get(address, { headers: { range: 'bytes=100-199', 'accept-encoding': 'gzip, br' } });
  expect(part.status()).toBe(206);
  expect(part.headers()['content-type']).toBe('audio/mpeg');
  expect(part.headers()['content-range']).toMatch(/^bytes 100-199\/\d+$/);
  expect(part.headers()['content-encoding']).toBeUndefined();
  expect((await part.body()).length).toBe(100);
  expect((await request.get(address, { headers: { range: 'bytes=99999999-' } })).status()).toBe(416);
  expect((await request.get(`/media/recordings/${'0'.repeat(32)}.mp3`)).status()).toBe(404);
});

test('playing lights the passage being spoken, and the player stays in view', async ({ page }) => {
  await page.goto(`/documents/${AUDIO}`);
  const player = page.getByRole('region', { name: 'Recording' });
  await expect(player).toBeVisible();
  await expect(page.getByRole('navigation', { name: 'Contents' }).getByRole('link', { name: 'What was found' })).toHaveAttribute('href', '#p3');
  // The first passage's time button: a user gesture, so the browser lets it play.
  await page.getByRole('button', { name: /play passage 1$/ }).click();
  await expect(spoken(page)).toHaveAttribute('id', 'p1');
  await expect(spoken(page)).toHaveAttribute('id', 'p2', { timeout: 10_000 });
  await expect(spoken(page)).toHaveAttribute('id', 'p3', { timeout: 10_000 });
  // The player stays in view, at the top of the window, while the transcript scrolls.
  await page.setViewportSize({ width: 900, height: 420 });
  await page.keyboard.press('End');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(200);
  await expect(player).toBeInViewport();
  expect((await player.boundingBox())!.y).toBeLessThan(5);
  await audio(page).evaluate((a: HTMLAudioElement) => a.pause());
});

test('a section of the contents plays from its start', async ({ page }) => {
  await page.goto(`/documents/${AUDIO}`);
  await page
    .getByRole('navigation', { name: 'Contents' })
    .getByRole('button', { name: /play the section “What was found”/ })
    .click();
  await expect(spoken(page)).toHaveAttribute('id', 'p3');
  await expect.poll(() => audio(page).evaluate((a: HTMLAudioElement) => !a.paused && a.currentTime * 1000)).toBeGreaterThan(0);
  await audio(page).evaluate((a: HTMLAudioElement) => a.pause());
});

test('the page follows the spoken passage, but not while the reader scrolls elsewhere', async ({ page }) => {
  // A short window, so the later passages start out of view.
  await page.setViewportSize({ width: 900, height: 420 });
  await page.goto(`/documents/${AUDIO}`);
  await page.getByRole('button', { name: /play passage 1$/ }).click();
  await expect(spoken(page)).toHaveAttribute('id', 'p2', { timeout: 10_000 });
  await expect(page.locator('#p2')).toBeInViewport();
  // The reader goes back to the top (Home): the next passage is lit but the page stays where they put it.
  await page.keyboard.press('Home');
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  await expect(spoken(page)).toHaveAttribute('id', 'p3', { timeout: 10_000 });
  await page.waitForTimeout(500);
  expect(await page.evaluate(() => window.scrollY)).toBe(0);
  await audio(page).evaluate((a: HTMLAudioElement) => a.pause());
});

test('a passage’s time seeks there and plays', async ({ page }) => {
  await page.goto(`/documents/${AUDIO}`);
  await page.getByRole('button', { name: /play passage 4$/ }).click();
  await expect(spoken(page)).toHaveAttribute('id', 'p4');
  expect(await currentTime(page)).toBeGreaterThanOrEqual(made.times[3].startMs / 1000 - 0.05);
  await expect.poll(() => audio(page).evaluate((a: HTMLAudioElement) => a.paused)).toBe(false);
  await audio(page).evaluate((a: HTMLAudioElement) => a.pause());
});

test('a ?t= link opens at its moment', async ({ page }) => {
  await page.goto(`/documents/${AUDIO}?t=0:07#p3`);
  await expect.poll(() => currentTime(page)).toBeCloseTo(7, 1);
  await expect(spoken(page)).toHaveAttribute('id', 'p3');
  await expect(page.getByTestId('now-playing')).toContainText('Linked moment: 0:07');
});

test('a clip link plays from its start and stops at its end', async ({ page }) => {
  await page.goto(`/documents/${AUDIO}?t=3,5`);
  await expect.poll(() => currentTime(page)).toBeCloseTo(3, 1);
  await page.getByRole('button', { name: 'Next passage →' }).focus();
  await page.keyboard.press('k');
  await expect.poll(() => audio(page).evaluate((a: HTMLAudioElement) => a.paused), { timeout: 10_000 }).toBe(true);
  const stoppedAt = await currentTime(page);
  expect(stoppedAt).toBeGreaterThanOrEqual(5);
  expect(stoppedAt).toBeLessThan(5.6);
});

test('keys in the player: K plays and pauses, L and J move between passages', async ({ page }) => {
  await page.goto(`/documents/${AUDIO}`);
  await page.getByRole('button', { name: '← Previous passage' }).focus();
  await page.keyboard.press('l');
  await expect(spoken(page)).toHaveAttribute('id', 'p1');
  await page.keyboard.press('l');
  await expect(spoken(page)).toHaveAttribute('id', 'p2');
  expect(await currentTime(page)).toBeGreaterThanOrEqual(made.times[1].startMs / 1000 - 0.05);
  await page.keyboard.press('j');
  await expect(spoken(page)).toHaveAttribute('id', 'p1');
  await page.keyboard.press('k');
  await expect.poll(() => audio(page).evaluate((a: HTMLAudioElement) => a.paused)).toBe(true);
  await page.keyboard.press('k');
  await expect.poll(() => audio(page).evaluate((a: HTMLAudioElement) => a.paused)).toBe(false);
  await page.keyboard.press('k');
  await expect.poll(() => audio(page).evaluate((a: HTMLAudioElement) => a.paused)).toBe(true);
  // Keys typed elsewhere (the search box) are the reader's own words, not commands.
  const at = await currentTime(page);
  await page.getByRole('searchbox').first().pressSequentially('kjl');
  await page.waitForTimeout(300);
  expect(await audio(page).evaluate((a: HTMLAudioElement) => a.paused)).toBe(true);
  expect(await currentTime(page)).toBe(at);
});

test('video gets captions from the WebVTT export', async ({ page }) => {
  await page.goto(`/documents/${VIDEO}`);
  const track = page.locator('video track[kind="captions"]');
  await expect(track).toHaveAttribute('src', `/api/v1/documents/${VIDEO}/export/vtt`);
  await expect.poll(() => track.evaluate((t: HTMLTrackElement) => t.readyState), { timeout: 10_000 }).toBe(2);
  expect(await track.evaluate((t: HTMLTrackElement) => t.track.cues?.length)).toBe(SYNTHETIC_TRANSCRIPT.length);
});

test('a passage page shows its moment, and a clip link cites the clip’s begin–end', async ({ page }) => {
  await page.goto(`/documents/${AUDIO}/passages/2?t=3,5`);
  await expect(page.getByText('Listen in the reader')).toHaveAttribute('href', new RegExp(`^/documents/${AUDIO}\\?t=\\d+,\\d+#p2$`));
  const clip = page.getByRole('region', { name: /This clip/ });
  await expect(clip).toContainText('0:03–0:05');
  // The citation is asked of the API once the page has loaded; the first one a server formats loads
  // citation-js and its styles (5.1 s once on PostgreSQL on a loaded machine, against 5 s by default).
  await expect(clip).toContainText('00:00:03–00:00:05', { timeout: 15_000 });
  // Without ?t= the passage is cited with its own times.
  await expect(page.getByRole('region', { name: 'Cite this passage' })).toContainText(/00:00:0\d–00:00:0\d/);
});

test('the reader with a recording: no WCAG 2.2 AA violations', async ({ page }) => {
  await page.goto(`/documents/${AUDIO}`);
  await expect(page.getByRole('region', { name: 'Recording' })).toBeVisible();
  await expectNoViolations(page);
});
