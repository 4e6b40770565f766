// An SRT transcript through the web import in Chromium (issue 12): uploaded, previewed with each
// turn's time and no cue number or timing in the text, saved as a draft whose passages keep their times.
import { expect, test } from '@playwright/test';
import { importCheckStep, openImport, saveImportAsDraft } from './admin-fixtures';
import { closeE2eDatabase, queryE2e } from './support/e2e-database';

const SRT = [
  '1\n00:00:01,000 --> 00:00:04,000\nHANA YOON: Where did the boats leave from?',
  '2\n00:00:05,000 --> 00:00:07,500\nTAE-WOO KANG: From a cove north of Sinpo,',
  '3\n00:00:07,500 --> 00:00:09,250\nat night, with the lights off.',
  '4\n00:00:10,000 --> 00:00:12,000\nHANA YOON: How many of you were there?',
  '5\n01:02:03,000 --> 01:02:05,000\nTAE-WOO KANG: Eleven.',
].join('\n\n');

test('an SRT file is previewed with its times and saved as a draft that keeps them', async ({ page }) => {
  await openImport(page);
  await page.getByLabel('…or upload a transcript file').setInputFiles({ name: 'boats.srt', mimeType: 'application/x-subrip', buffer: Buffer.from(SRT) });
  await page.getByLabel('Title (if the text does not start with it)').fill('The Boats from Sinpo');
  await page.getByRole('button', { name: 'Preview', exact: true }).click();

  const step2 = importCheckStep(page);
  await expect(step2.getByText('Passages (4)')).toBeVisible();
  await expect(step2.getByTestId('passage-time')).toHaveText(['0:01–0:04', '0:05–0:09', '0:10–0:12', '1:02:03–1:02:05']);
  const passages = step2.getByRole('group', { name: 'Passages (4)' });
  await expect(passages).toContainText('From a cove north of Sinpo, at night, with the lights off.');
  // The case: no cue number or timing line in any passage.
  await expect(passages).not.toContainText('-->');
  await expect(passages).not.toContainText('00:00');
  await expect(page.getByText('Reading the uploaded file boats.srt')).toBeVisible();

  await step2.getByLabel('Publication date').fill('2021-03');
  await saveImportAsDraft(page);
  await expect(page.getByRole('region', { name: 'Passages (4)' }).getByRole('heading', { level: 3 })).toHaveText([
    '¶1 · question · Hana Yoon',
    '¶2 · answer · Tae-Woo Kang',
    '¶3 · question · Hana Yoon',
    '¶4 · answer · Tae-Woo Kang',
  ]);

  const id = Number(/\/admin\/documents\/(\d+)/.exec(page.url())?.[1]);
  expect(await queryE2e('SELECT anchor, startMs, endMs FROM Passage WHERE documentId = ? ORDER BY position', id)).toEqual([
    { anchor: 1, startMs: 1000, endMs: 4000 },
    { anchor: 2, startMs: 5000, endMs: 9250 },
    { anchor: 3, startMs: 10_000, endMs: 12_000 },
    { anchor: 4, startMs: 3_723_000, endMs: 3_725_000 },
  ]);
});

test.afterAll(() => closeE2eDatabase());
