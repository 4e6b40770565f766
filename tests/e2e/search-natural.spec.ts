// Searching in a reader's own words, in Chromium against the production build (read-only): the notice
// when only some words match or only the meaning does, and the speakers and documents listed above the passages.
import { expect, test } from '@playwright/test';

test('a question finds the passages matching some of its words, and says so', async ({ page }) => {
  // No passage says "happens", "caught" and "DVD" together (its stop words need not match at all).
  await page.goto('/search?q=what+happens+if+you+are+caught+with+a+DVD');
  await expect(page.getByRole('status')).toContainText('showing passages that match some of your words');
  const results = page.getByRole('region', { name: 'Results' });
  await expect(results.getByRole('link', { name: /How to Really Bring Change.*, passage 11$/ })).toBeVisible();
  await expect(results.locator('ol mark').first()).toBeVisible();
});

test('a word found only in a bio and a summary lists the speaker and the document, with links', async ({ page }) => {
  await page.goto('/search?q=defector');
  const list = page.getByRole('region', { name: 'People, documents and topics' });
  await expect(list.getByRole('heading', { name: 'Speakers', exact: true })).toBeVisible();
  await expect(list.getByRole('link', { name: 'Seongmin Lee', exact: true })).toHaveAttribute('href', '/speakers/seongmin-lee');
  await expect(list.locator('mark').first()).toHaveText(/defector/i);
  await expect(list.getByRole('heading', { name: 'Documents', exact: true })).toBeVisible();
  await list.getByRole('link', { name: /Seongmin Lee Q&A Part 2/ }).click();
  await expect(page).toHaveURL(/\/documents\/seongmin-lee-qa-part-2-us-relations-with-north-korea$/);
});

test('a real word is never "corrected" into another', async ({ page }) => {
  await page.goto('/search?q=Chinese+border');
  await expect(page.getByText('Did you mean')).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Results' }).locator('ol mark').first()).toHaveText(/chinese/i);
});

test('words the text does not use find passages close in meaning, and the page says so', async ({ page }) => {
  await page.goto('/search?q=foreign+movies');
  await expect(page.getByRole('status')).toContainText('showing passages close in meaning');
  const results = page.getByRole('region', { name: 'Results' });
  // The paragraph about DVDs of South Korean dramas, though it says neither "foreign" nor "movies".
  await expect(results.getByRole('link', { name: /How to Really Bring Change.*, passage 11$/ })).toBeVisible();
  await expect(page.getByText('Did you mean')).toHaveCount(0);
});
