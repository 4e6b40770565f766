// The web import in Chromium, issue 7: an unknown speaker label blocks the save until the editor
// names its speaker, and an over-long text is refused with a message that keeps what was pasted.
import { expect, test } from '@playwright/test';
import { importCheckStep, openImport, saveImportAsDraft } from './admin-fixtures';

const TRANSCRIPT = [
  'Markets After the Famine',
  'JK: Where did you grow up?',
  'SL: In Hyesan, near the river.',
  'XY: And what about the markets?',
  'They were everywhere after the famine.',
  'JK: Were you afraid?',
  'SL: Always.',
].join('\n\n');

test('an unknown label blocks the save until it is mapped to a speaker', async ({ page }) => {
  await openImport(page);
  await page.getByLabel('Paste the transcript or essay').fill(TRANSCRIPT);
  await page.getByLabel('Labels').fill('JK = Jeff Kim\nSL = Seongmin Lee');
  await page.getByRole('button', { name: 'Preview', exact: true }).click();

  const step2 = importCheckStep(page);
  const unknown = step2.getByRole('group', { name: /Unknown speaker labels \(1\)/ });
  await expect(unknown).toContainText('line 7: And what about the markets?');
  await expect(step2.getByRole('alert')).toContainText('Cannot be saved yet');
  // The words of XY are nobody's: not folded into Seongmin Lee's answer.
  await expect(step2.getByText('Passages (4)')).toBeVisible();

  await step2.getByLabel('Publication date').fill('2018-08');
  await step2.getByRole('button', { name: 'Save as draft' }).click();
  await expect(step2.getByRole('alert')).toContainText('Not saved: a line starts with a speaker label that is not known');
  await expect(step2.getByRole('alert')).toContainText('line 7 ("XY:")');
  await expect(page).toHaveURL(/\/admin\/import$/);

  await step2.getByLabel('Speaker for “XY:”').fill('Xu Yang');
  await step2.getByRole('button', { name: 'Apply and preview again' }).click();
  await expect(step2.getByRole('group', { name: /Unknown speaker labels/ })).toHaveCount(0);
  await expect(step2.getByText('Passages (5)')).toBeVisible();
  await expect(step2.getByText('Xu Yang (interviewee) · labels XY')).toBeVisible();
  await expect(step2.getByLabel('Publication date')).toHaveValue('2018-08');

  await saveImportAsDraft(page);
  // Each turn as its speaker said it: the choices of the first preview did not shift onto new turns.
  await expect(page.getByRole('region', { name: 'Passages (5)' }).getByRole('heading', { level: 3 })).toHaveText([
    '¶1 · question · Jeff Kim',
    '¶2 · answer · Seongmin Lee',
    '¶3 · answer · Xu Yang',
    '¶4 · question · Jeff Kim',
    '¶5 · answer · Seongmin Lee',
  ]);
  await expect(page.getByText('And what about the markets? They were everywhere after the famine.')).toBeVisible();
});

test('an over-long text is refused with a message and stays in the form', async ({ page }) => {
  await openImport(page);
  await expect(page.getByText(/Up to 1 MB of text/)).toBeVisible();
  const pasted = `A Long Talk\n\nJK: Where?\n\nSL: ${'We crossed the river at night. '.repeat(36_000)}`;
  const field = page.getByLabel('Paste the transcript or essay');
  await field.fill(pasted);
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The text is 1.1 MB; the importer takes up to 1 MB of text at a time.' })).toBeVisible();
  expect(await field.inputValue()).toBe(pasted);

  // A file over the limit: the same message, naming the file.
  await field.fill('');
  await page.getByLabel('…or upload a transcript file').setInputFiles({ name: 'long.txt', mimeType: 'text/plain', buffer: Buffer.from(pasted) });
  await page.getByRole('button', { name: 'Preview', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'The file long.txt is 1.1 MB' })).toBeVisible();
});
