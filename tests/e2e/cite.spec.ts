// "Cite this" in a real Chromium: on the reader and the passage page, copied from the keyboard,
// dated with the browser's own today on pages served from the shared cache, readable without
// JavaScript; and the reader printed as a clean transcript with its source and citation.
import { expect, test, type Page } from '@playwright/test';
import { formatAccessDate, type DayDate } from '../../lib/citations/access-date';

const INTERVIEW = '/documents/seongmin-lee-qa-part-2-us-relations-with-north-korea';
const ESSAY = '/documents/how-to-really-bring-change-to-north-korea';

/** Today where the browser is: what a reader's citation must say it was accessed. */
const browserToday = (page: Page): Promise<DayDate> =>
  page.evaluate(() => {
    const now = new Date();
    return { year: now.getFullYear(), month: now.getMonth() + 1, day: now.getDate() };
  });

test('the reader cites the whole document in every format, dated today by the browser', async ({ page }) => {
  await page.goto(INTERVIEW);
  const disclosure = page.locator('details.cite-disclosure');
  const summary = disclosure.getByText('Cite this document');
  // Closed at first, opened from the keyboard.
  await expect(page.locator('#cite-document-apa')).toBeHidden();
  await summary.focus();
  await page.keyboard.press('Enter');
  const today = await browserToday(page);
  for (const [format, label] of [
    ['apa', 'APA 7'],
    ['mla', 'MLA 9'],
    ['chicago', 'Chicago (author-date)'],
    ['bibtex', 'BibTeX'],
    ['ris', 'RIS'],
  ] as const) {
    await expect(disclosure.getByRole('heading', { level: 3, name: label })).toBeVisible();
    const text = page.locator(`#cite-document-${format}`);
    await expect(text).toContainText(`${INTERVIEW}`);
    await expect(text).toContainText(formatAccessDate(format, today));
    await expect(text).not.toContainText('[date of access]');
  }
  await expect(page.locator('#cite-document-apa')).toContainText('Lee, S. (2018, August 28). Seongmin Lee Q&A Part 2');
  await expect(page.locator('#cite-document-apa')).toContainText('(J. Kim, Interviewer)');
});

test('a passage page cites the passage at its own address and copies a citation from the keyboard', async ({ page, context }) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto(ESSAY);
  await page.getByRole('link', { name: 'Cite or find more like this (passage 4)' }).click();
  await expect(page).toHaveURL(new RegExp(`${ESSAY}/passages/4$`));
  const section = page.getByRole('region', { name: 'Cite this passage' });
  await expect(section.locator('#cite-passage-mla')).toContainText(
    new RegExp(
      `^Lee, Seongmin\\. “How to Really Bring Change to North Korea, My Home Country\\.” The Diplomat, Dec\\. 2016, Interview Archive, paragraph 4 of 12, http://[^ ]+${ESSAY}/passages/4\\. Accessed `,
    ),
  );
  const today = await browserToday(page);
  const bibtex = section.locator('#cite-passage-bibtex');
  await expect(bibtex).toContainText(`urldate = {${formatAccessDate('bibtex', today)}}`);

  // Keyboard only: Tab reaches the button, Enter copies, the live region says so.
  const copy = section.getByRole('button', { name: 'Copy the BibTeX citation' });
  await section.getByRole('button', { name: 'Copy the Chicago (author-date) citation' }).focus();
  await page.keyboard.press('Tab');
  await expect(copy).toBeFocused();
  await page.keyboard.press('Enter');
  const status = copy.locator('xpath=following-sibling::*[@role="status"]');
  await expect(status).toHaveText('Copied');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await bibtex.textContent());
  expect(copied).toMatch(/^@article\{how_to_really_bring_change_to_north_korea__p4,/);
  expect(copied).toContain(`urldate = {${formatAccessDate('bibtex', today)}}`);

  // Space works too, on another format.
  await section.getByRole('button', { name: 'Copy the RIS citation' }).focus();
  await page.keyboard.press(' ');
  await expect.poll(() => page.evaluate(() => navigator.clipboard.readText())).toMatch(/^TY {2}- MGZN\n/);
});

test('without JavaScript the citations are there to select, with a placeholder for the access date', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(`${ESSAY}/passages/2`);
  const apa = page.locator('#cite-passage-apa');
  await expect(apa).toContainText('Retrieved [date of access], from http');
  await expect(apa).toContainText('Interview Archive (paragraph 2 of 12)');
  // A button that could do nothing is not shown.
  await expect(page.getByRole('button', { name: /^Copy/ })).toHaveCount(0);
  await context.close();
});

test('the reader prints as a clean transcript, with its source and citation at the end', async ({ page }) => {
  await page.goto(INTERVIEW);
  const colophon = page.locator('.print-colophon');
  await expect(colophon).toBeHidden();

  await page.emulateMedia({ media: 'print' });
  // Navigation, searches, buttons, topic links and the on-screen citations are gone.
  await expect(page.getByRole('navigation')).toHaveCount(0);
  await expect(page.locator('body > header')).toBeHidden();
  await expect(page.locator('body > footer')).toBeHidden();
  await expect(page.getByRole('searchbox')).toHaveCount(0);
  await expect(page.getByRole('button')).toHaveCount(0);
  // A locator counts hidden elements too: only visible topic links would be printed.
  await expect(page.locator('.chip:visible')).toHaveCount(0);
  await expect(page.locator('details.cite-disclosure')).toBeHidden();
  await expect(page.getByRole('link', { name: /Cite or find more like this/ })).toHaveCount(0);
  // The transcript stays whole, each turn under its speaker's name.
  const passages = page.locator('.passage');
  await expect(passages).toHaveCount(6);
  for (let i = 0; i < 6; i++) {
    await expect(passages.nth(i)).toBeVisible();
    await expect(passages.nth(i).getByRole('heading', { level: 3 })).toHaveText(i % 2 === 0 ? /^Jeff Kim/ : /^Seongmin Lee/);
  }
  // The source and a citation follow the text, dated today.
  await expect(colophon).toBeVisible();
  await expect(colophon).toContainText(
    'George W. Bush Institute, 28 August 2018: https://www.bushcenter.org/publications/articles/2018/08/seongmin-lee-north-korea-part2.html',
  );
  await expect(colophon).toContainText(`This transcript: http`);
  await expect(colophon).toContainText(`Accessed ${formatAccessDate('chicago', await browserToday(page))}.`);
  const below = await page.evaluate(() => {
    const last = [...document.querySelectorAll('.passage')].at(-1)!.getBoundingClientRect().bottom;
    return document.querySelector('.print-colophon')!.getBoundingClientRect().top >= last;
  });
  expect(below).toBe(true);

  await page.emulateMedia({ media: 'screen' });
  await expect(colophon).toBeHidden();
});
