// A reader's paths through the archive, in a real Chromium against the production build.
import { expect, test } from '@playwright/test';

const INTERVIEW = '/documents/seongmin-lee-qa-part-2-us-relations-with-north-korea';
const ESSAY = '/documents/how-to-really-bring-change-to-north-korea';

test('home → speaker → document → a passage by its anchor', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1, name: 'Interview Archive' })).toBeVisible();
  await expect(page.getByText('2 documents · 18 passages · 2 speakers')).toBeVisible();

  await page.getByRole('main').getByRole('link', { name: 'Seongmin Lee', exact: true }).first().click();
  await expect(page).toHaveURL(/\/speakers\/seongmin-lee$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Seongmin Lee' })).toBeVisible();
  await expect(page.getByText(/Seongmin Lee is a North Korean defector who escaped/)).toBeVisible();

  await page.getByRole('link', { name: 'How to Really Bring Change to North Korea, My Home Country' }).first().click();
  await expect(page).toHaveURL(new RegExp(`${ESSAY}$`));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('How to Really Bring Change to North Korea, My Home Country');
  await expect(page.getByText('December 2016', { exact: true })).toBeVisible();
  await expect(page.getByRole('article').locator('.passage')).toHaveCount(12);

  await page.getByRole('link', { name: 'Link to passage 6' }).click();
  await expect(page).toHaveURL(new RegExp(`${ESSAY}#p6$`));
  const target = page.locator('#p6');
  await expect(target).toContainText('I know this firsthand, because of “state smuggling.”');
  await expect(target).toBeInViewport();
  // The passage reached by its link is the one highlighted: its background differs from its neighbour's.
  const background = (id: string) => page.locator(id).evaluate((el) => getComputedStyle(el).backgroundColor);
  expect(await background('#p6')).not.toBe(await background('#p5'));
});

test('an interview reads as a dialogue, with its facts at their precision', async ({ page }) => {
  await page.goto(INTERVIEW);
  await expect(page.getByText('28 August 2018', { exact: true })).toBeVisible();
  // In the document's facts: its citations name the publisher too.
  await expect(page.getByRole('article').locator('dl').getByText('George W. Bush Institute')).toBeVisible();
  await expect(page.getByText(/Seongmin Lee with President and Mrs\. Bush at Spirit of Liberty/)).toBeVisible();
  const passages = page.locator('.passage');
  await expect(passages).toHaveCount(6);
  await expect(passages.nth(0)).toContainText('Jeff Kim');
  await expect(passages.nth(0)).toContainText('asks');
  await expect(passages.nth(1)).toContainText('Seongmin Lee');
  await expect(passages.nth(1)).toContainText('answers');
  await expect(passages.nth(1).locator('p')).toHaveCount(2);
  await expect(page.getByRole('link', { name: 'Source' })).toHaveCount(0);
  await expect(page.getByRole('link', { name: /bushcenter\.org/ })).toHaveAttribute('href', /seongmin-lee-north-korea-part2/);
});

test('a passage link opened directly lands on that passage', async ({ page }) => {
  await page.goto(`${INTERVIEW}#p4`);
  const target = page.locator('#p4');
  await expect(target).toBeInViewport();
  await expect(target).toContainText('I think not addressing the North Korean human rights issue was a mistake.');
});

test('filter documents by topic, then by date, and clear them', async ({ page }) => {
  await page.goto('/documents');
  await expect(page.getByText('2 documents', { exact: true })).toBeVisible();

  const filters = page.getByRole('complementary', { name: 'Filters' });
  await filters.getByRole('link', { name: 'China' }).click();
  await expect(page).toHaveURL(/topic=china/);
  await expect(page.getByText('1 document', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /How to Really Bring Change/ })).toBeVisible();
  await expect(filters.getByRole('link', { name: /China/ })).toHaveAttribute('aria-current', 'true');

  await page.goto('/documents');
  await filters.getByRole('textbox', { name: /^From/ }).fill('2018');
  await filters.getByRole('textbox', { name: 'To', exact: true }).fill('2018-12');
  await filters.getByRole('button', { name: 'Apply' }).click();
  await expect(page).toHaveURL(/from=2018&to=2018-12/);
  await expect(page.getByText('1 document', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /Seongmin Lee Q&A Part 2/ })).toBeVisible();

  await page.getByRole('link', { name: 'Clear all filters' }).click();
  await expect(page.getByText('2 documents', { exact: true })).toBeVisible();
});

test('an invalid filter gives a clear message, not an error page', async ({ page }) => {
  const response = await page.goto('/documents?from=2016-13&kind=poem');
  expect(response?.status()).toBeLessThan(500);
  const alert = page.getByRole('main').getByRole('alert');
  await expect(alert).toContainText('from');
  await expect(alert).toContainText('must be a real date');
  await expect(alert).toContainText('kind');
});

test('the timeline counts documents by year and month and links to the filtered list', async ({ page }) => {
  await page.goto('/timeline');
  await expect(page.getByRole('heading', { level: 2, name: /2018/ })).toContainText('1 document');
  await page.getByRole('link', { name: 'December 2016' }).click();
  await expect(page).toHaveURL(/from=2016-12&to=2016-12/);
  await expect(page.getByText('1 document', { exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: /How to Really Bring Change/ })).toBeVisible();
});

test('a topic page lists its passages across documents, each linked to its place', async ({ page }) => {
  await page.goto('/topics');
  await page.getByRole('link', { name: 'Human rights' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Human rights' })).toBeVisible();
  const links = page.getByRole('link', { name: /, passage \d+$/ });
  expect(await links.count()).toBeGreaterThanOrEqual(4);
  await page.getByRole('link', { name: /Seongmin Lee Q&A Part 2.*, passage 4$/ }).click();
  await expect(page).toHaveURL(/#p4$/);
  await expect(page.locator('#p4')).toBeInViewport();
});

test('unknown addresses get a real 404 page', async ({ page }) => {
  for (const path of ['/documents/no-such-document', '/speakers/nobody', '/topics/nothing', '/no/such/page']) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(404);
    await expect(page.getByRole('heading', { level: 1, name: 'Not found' })).toBeVisible();
  }
});

test('the keyboard reaches content first through the skip link', async ({ page }) => {
  await page.goto('/documents');
  await page.keyboard.press('Tab');
  const skip = page.getByRole('link', { name: 'Skip to content' });
  await expect(skip).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/#main$/);
});

test('dark mode follows the system setting', async ({ page }) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/');
  const dark = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  await page.emulateMedia({ colorScheme: 'light' });
  const light = await page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
  expect(dark).not.toBe(light);
});

test('@phone the reader fits a phone screen without sideways scrolling', async ({ page }) => {
  await page.goto(ESSAY);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow).toBeLessThanOrEqual(0);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});
