// Searching as a reader would, in Chromium against the production build.
import { expect, test } from '@playwright/test';

test('results follow the query as it is typed, and the URL follows too', async ({ page }) => {
  await page.goto('/search');
  await expect(page.getByText('Type a word or a "phrase" to search for.')).toBeVisible();
  await page.getByRole('searchbox', { name: 'Search every passage' }).fill('smuggling');
  await expect(page).toHaveURL(/\/search\?q=smuggling$/);
  await expect(page.getByText(/^\d+ passages? match/)).toBeVisible();
  const results = page.getByRole('region', { name: 'Results' });
  await expect(results.locator('mark').first()).toHaveText(/smuggling/i);
});

test('opening a hit lands on the passage with the matched words marked', async ({ page }) => {
  await page.goto('/search?q=%22state+smuggling%22');
  await page.getByRole('link', { name: /How to Really Bring Change.*, passage 6/ }).click();
  await expect(page).toHaveURL(/\/documents\/how-to-really-bring-change-to-north-korea\?q=.*#p6$/);
  const passage = page.locator('#p6');
  await expect(passage).toBeInViewport();
  await expect(passage.locator('mark').first()).toHaveText(/state smuggling/i);
  await expect(page.getByText(/1 passage matches/)).toBeVisible();
});

test('a facet narrows the results and shows its counts', async ({ page }) => {
  await page.goto('/search?q=%22human+rights%22');
  const before = Number((await page.getByText(/^\d+ passages? match/).textContent())!.match(/\d+/)![0]);
  const facets = page.getByRole('complementary', { name: 'Narrow the results' });
  await facets.getByRole('link', { name: 'question' }).click();
  await expect(page).toHaveURL(/kind=question/);
  const after = Number((await page.getByText(/^\d+ passages? match/).textContent())!.match(/\d+/)![0]);
  expect(after).toBeGreaterThan(0);
  expect(after).toBeLessThan(before);
  await expect(page.getByRole('region', { name: 'Results' }).getByText('(question)').first()).toBeVisible();
});

test('a misspelt query is corrected and says so', async ({ page }) => {
  await page.goto('/search?q=sanctoins');
  await expect(page.getByRole('status')).toContainText('Did you mean sanctions?');
  await expect(page.getByRole('region', { name: 'Results' }).locator('mark').first()).toHaveText(/sanctions/i);
});

test('hostile queries give a message or results, never an error page', async ({ page }) => {
  for (const q of ['"', '(', '*', 'col:x', "don't", 'NEAR(a b', '-', '<img src=x onerror=alert(1)>']) {
    const response = await page.goto(`/search?q=${encodeURIComponent(q)}`);
    expect(response?.status(), q).toBe(200);
    await expect(page.getByRole('heading', { level: 1, name: 'Search' })).toBeVisible();
  }
  const tooLong = await page.goto(`/search?q=${'a'.repeat(600)}`);
  expect(tooLong?.status()).toBe(200);
  await expect(page.getByRole('main').getByRole('alert')).toContainText('must be at most 500 characters');
});

test('search works without JavaScript, as a plain form', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/search');
  await page.getByRole('searchbox', { name: 'Search every passage' }).fill('China');
  await page.getByRole('button', { name: 'Search', exact: true }).last().click();
  await expect(page).toHaveURL(/q=China/);
  await expect(page.getByText(/^\d+ passages? match/)).toBeVisible();
  await context.close();
});

test('search within one document from the reader', async ({ page }) => {
  await page.goto('/documents/seongmin-lee-qa-part-2-us-relations-with-north-korea');
  await page.getByRole('searchbox', { name: 'Search within this document' }).fill('human dignity');
  await page.getByRole('button', { name: 'Find' }).click();
  await expect(page.getByText(/2 passages match “human dignity”/)).toBeVisible();
  await expect(page.locator('#p2 mark').first()).toBeVisible();
  await expect(page.locator('#p1 mark')).toHaveCount(0);
});

test('every passage offers a citation and more like this', async ({ page }) => {
  await page.goto('/documents/how-to-really-bring-change-to-north-korea');
  await page.getByRole('link', { name: 'Cite or find more like this (passage 10)' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Passage 10: paragraph by Seongmin Lee/);
  await expect(page.getByRole('heading', { name: 'Cite this passage' })).toBeVisible();
  // The citation gives the passage page's own address (no fragment: "#" is special to LaTeX and to some reference managers).
  await expect(page.locator('#cite-passage-mla')).toContainText(
    /Interview Archive, paragraph 10 of \d+, http:\/\/.*\/documents\/how-to-really-bring-change-to-north-korea\/passages\/10\./,
  );
  const similar = page.getByRole('region', { name: 'More like this' }).getByRole('listitem');
  expect(await similar.count()).toBeGreaterThan(0);
  await expect(similar.first()).toContainText('Seongmin Lee Q&A Part 2');
});
