// The filter panel of /search and /documents: on a phone the results come first and the filters wait
// below them, collapsed, their summary naming the active ones; on a wide screen they sit beside the
// results, open, as before. Read-only: it only reads the seeded archive.
import { expect, test, type Locator, type Page } from '@playwright/test';

const PHONE = { viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true };

/** Whether `a` comes before `b` in the document. */
const precedes = async (a: Locator, b: Locator) =>
  a.evaluate((first, second) => Boolean(first.compareDocumentPosition(second) & Node.DOCUMENT_POSITION_FOLLOWING), await b.elementHandle());

const box = async (locator: Locator) => (await locator.boundingBox())!;
const sidewaysOverflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

test.describe('@phone on a phone', () => {
  test.use(PHONE);

  test('search shows the results first and the filters collapsed below them, the active ones named', async ({ page }) => {
    await page.goto('/search?q=korea&speaker=seongmin-lee&from=2016&to=2016');
    const firstHit = page.getByRole('region', { name: 'Results' }).getByRole('article').first();
    const panel = page.getByRole('complementary', { name: 'Narrow the results' });
    const summary = panel.locator('summary');
    await expect(firstHit).toBeVisible();
    await expect(summary).toHaveText('Filters: speaker Seongmin Lee, 2016');
    expect(await precedes(firstHit, panel)).toBe(true);
    expect((await box(firstHit)).y).toBeLessThan((await box(summary)).y);
    await expect(panel.locator('details')).not.toHaveAttribute('open');
    await expect(panel.getByRole('link', { name: 'Clear all filters' })).toBeHidden();
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  });

  test('the filters open with the keyboard, and a filter chosen there applies', async ({ page }) => {
    await page.goto('/search?q=%22human+rights%22&kind=answer');
    const panel = page.getByRole('complementary', { name: 'Narrow the results' });
    const summary = panel.locator('summary');
    await expect(summary).toHaveText('Filters: kind answer');
    // Reached by Tab from the last link of the results, as a keyboard user would.
    await page.getByRole('region', { name: 'Results' }).getByRole('link').last().focus();
    await page.keyboard.press('Tab');
    await expect(summary).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(panel.locator('details')).toHaveAttribute('open', '');
    await page.keyboard.press('Tab');
    await expect(panel.getByRole('link', { name: 'Clear all filters' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page).toHaveURL(/\/search\?q=%22human\+rights%22$/);
    await expect(page.getByRole('complementary', { name: 'Narrow the results' }).locator('summary')).toHaveText('Filters');
  });

  test('/documents shows the documents first and the filters collapsed below them, the active ones named', async ({ page }) => {
    await page.goto('/documents?topic=china&sort=oldest');
    const firstDocument = page.getByRole('region', { name: 'Results' }).getByRole('heading', { level: 2 }).first();
    const panel = page.getByRole('complementary', { name: 'Filters' });
    const summary = panel.locator('summary');
    await expect(firstDocument).toHaveText(/How to Really Bring Change/);
    await expect(summary).toHaveText('Filters: topic China, oldest first');
    expect(await precedes(firstDocument, panel)).toBe(true);
    expect((await box(firstDocument)).y).toBeLessThan((await box(summary)).y);
    await expect(panel.getByRole('button', { name: 'Apply' })).toBeHidden();
    await summary.click();
    await expect(panel.getByRole('button', { name: 'Apply' })).toBeVisible();
    await expect(panel.getByRole('link', { name: /China/ })).toHaveAttribute('aria-current', 'true');
    expect(await sidewaysOverflow(page)).toBeLessThanOrEqual(0);
  });
});

test.describe('on a wide screen', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  for (const { path, landmark, filter } of [
    { path: '/search?q=korea&speaker=seongmin-lee', landmark: 'Narrow the results', filter: 'Seongmin Lee' },
    { path: '/documents?topic=china', landmark: 'Filters', filter: 'China' },
  ]) {
    test(`${path.split('?')[0]} keeps its filters open beside the results, to their left`, async ({ page }) => {
      await page.goto(path);
      const panel = page.getByRole('complementary', { name: landmark });
      const results = page.getByRole('region', { name: 'Results' });
      await expect(panel.locator('summary')).toBeHidden();
      const chosen = panel.getByRole('link', { name: new RegExp(filter) });
      await expect(chosen).toBeVisible();
      await expect(chosen).toHaveAttribute('aria-current', 'true');
      await expect(panel.getByRole('link', { name: 'Clear all filters' })).toBeVisible();
      const [filters, list] = [await box(panel), await box(results)];
      expect(filters.x + filters.width).toBeLessThanOrEqual(list.x);
      expect(filters.y).toBeLessThan(list.y + list.height);
      expect(list.y).toBeLessThan(filters.y + filters.height);
    });
  }
});
