// Every public page type in Chromium, checked by axe-core against WCAG 2.2 A and AA, at desktop width
// (project desktop) and phone width (project phone, by the @phone tag), in light and dark colours
// (the site follows the reader's setting). Read-only: it only reads the seeded archive.
// Found and fixed with it: search marks in dark colours were grey on amber (3.7:1; app/globals.css).
import { expect, test } from '@playwright/test';
import { expectNoViolations } from './support/axe';

// axe checks every element's contrast: on a loaded 2-core machine one page can take 20 s or more.
test.describe.configure({ timeout: 180_000 });

const INTERVIEW = '/documents/seongmin-lee-qa-part-2-us-relations-with-north-korea';
const ESSAY = '/documents/how-to-really-bring-change-to-north-korea';

/** Each page with the heading that proves it rendered what it should (not an error page). */
const PAGES: { name: string; path: string; heading: RegExp; status?: number }[] = [
  { name: 'home', path: '/', heading: /^Interview Archive$/ },
  { name: 'documents list', path: '/documents', heading: /^Documents$/ },
  { name: 'documents list, filtered', path: '/documents?topic=china&from=2016&to=2016-12', heading: /^Documents$/ },
  { name: 'reader, interview', path: INTERVIEW, heading: /^Seongmin Lee Q&A Part 2/ },
  { name: 'reader, essay', path: ESSAY, heading: /^How to Really Bring Change/ },
  { name: 'reader, searched within', path: `${ESSAY}?q=smuggling`, heading: /^How to Really Bring Change/ },
  { name: 'passage page', path: `${INTERVIEW}/passages/2`, heading: /./ },
  { name: 'speakers list', path: '/speakers', heading: /^Speakers$/ },
  { name: 'speaker', path: '/speakers/seongmin-lee', heading: /^Seongmin Lee$/ },
  { name: 'topics list', path: '/topics', heading: /^Topics$/ },
  { name: 'topic', path: '/topics/china', heading: /^China$/ },
  { name: 'timeline', path: '/timeline', heading: /^Timeline$/ },
  { name: 'search with results', path: '/search?q=sanctions', heading: /search/i },
  { name: 'search with filters', path: '/search?q=korea&speaker=seongmin-lee&kind=answer', heading: /search/i },
  { name: 'search with no results', path: '/search?q=zzyzxqwv', heading: /search/i },
  { name: 'search, empty', path: '/search', heading: /search/i },
  { name: 'sign-in', path: '/sign-in', heading: /sign in/i },
  { name: '404', path: '/no-such-page', heading: /not found/i, status: 404 },
];

// Light colours at both widths; dark colours (the same layout, other colours) at desktop width only.
for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme === 'light' ? '@phone ' : ''}public pages, ${scheme} colours`, () => {
    test.use({ colorScheme: scheme });
    for (const { name, path, heading, status = 200 } of PAGES) {
      test(`${name}: no WCAG 2.2 AA violations`, async ({ page }) => {
        const response = await page.goto(path);
        expect(response?.status()).toBe(status);
        await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
        await expectNoViolations(page);
      });
    }
  });
}

test('@phone the filter panel, open: no WCAG 2.2 AA violations', async ({ page }) => {
  await page.goto('/documents?topic=china');
  // On a phone the panel is collapsed behind its summary; from the md breakpoint it shows open and the
  // summary is hidden.
  const details = page.getByRole('complementary', { name: 'Filters' }).locator('details');
  const summary = details.locator('summary');
  if (await summary.isVisible()) await summary.click();
  await expect(details.getByRole('link', { name: 'Clear all filters' })).toBeVisible();
  await expectNoViolations(page);
});
