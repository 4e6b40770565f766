// Context in every hit: an answer in the search results, and in "more like this", shows the question it
// answers as a short line linked to the question. Read-only.
import { expect, test } from '@playwright/test';

const INTERVIEW = '/documents/seongmin-lee-qa-part-2-us-relations-with-north-korea';

test('@phone an answer hit shows the question it answers, linked to the question itself', async ({ page }) => {
  await page.goto('/search?q=trustworthy');
  const hit = page.getByRole('article', { name: 'answer 2 in Seongmin Lee Q&A Part 2: Thoughts on U.S. Relations with North Korea' });
  const question = hit.getByRole('paragraph').first();
  await expect(question).toHaveText(/^Q: In answer to: Not long ago, we had the Trump-Kim summit, .*…$/);
  await expect(hit.getByRole('link', { name: /^Not long ago, we had the Trump-Kim summit/ })).toHaveAttribute('href', `${INTERVIEW}#p1`);
  // The hit keeps its own deep link, to the answer.
  await expect(hit.getByRole('link', { name: /, passage 2$/ })).toHaveAttribute('href', new RegExp(`^${INTERVIEW}\\?q=trustworthy#p2$`));
  await hit.getByRole('link', { name: /^Not long ago/ }).click();
  await expect(page).toHaveURL(new RegExp(`${INTERVIEW}#p1$`));
  await expect(page.locator('#p1')).toBeInViewport();
});

test('a question or a paragraph hit has no question line', async ({ page }) => {
  await page.goto('/search?q=%22human+rights%22');
  const results = page.getByRole('region', { name: 'Results' });
  await expect(results.getByRole('article').first()).toBeVisible();
  const questionHit = results.getByRole('article', { name: /^question 3 in / });
  await expect(questionHit).toBeVisible();
  await expect(questionHit).not.toContainText('In answer to:');
  await expect(results.getByRole('article', { name: /^paragraph / }).first()).not.toContainText('In answer to:');
  await expect(results.getByRole('article', { name: /^answer 4 in / })).toContainText('In answer to: Human rights were not on the table');
});

test('an answer in "more like this" shows its question too', async ({ page }) => {
  await page.goto('/documents/how-to-really-bring-change-to-north-korea/passages/10');
  const similar = page.getByRole('region', { name: 'More like this' });
  await expect(similar.getByText('In answer to:').first()).toBeAttached();
  await expect(similar.getByRole('link', { name: /\?|…$/ }).first()).toHaveAttribute('href', new RegExp(`^${INTERVIEW}#p[135]$`));
});
