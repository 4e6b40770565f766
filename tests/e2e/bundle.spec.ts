// The reader's JavaScript budget (issue 10): every script the reader page loads, gzip, summed as
// `npm run bench:bundle` sums it (bench/http/page-scripts.ts). A change that ships more JavaScript to
// the reader than the budget fails here; raise the budget only on purpose, with the reason.
import { expect, test } from '@playwright/test';
import { measurePageScripts } from '../../bench/http/page-scripts';

/**
 * Bytes of gzip JavaScript the reader page may load. The goal is 100 KB; what the page loads is
 * ~140 KB, ~132 KB of it the React and Next.js runtime every App Router page loads (react-dom, the
 * Flight client, the router): the budget is that plus a margin of ~7%, so any growth in the app's own
 * client code fails here.
 */
const READER_BUDGET_BYTES = 150_000;
const ESSAY = '/documents/how-to-really-bring-change-to-north-korea';

test('the reader page loads no more JavaScript than its budget', async ({ page }) => {
  const scripts = await measurePageScripts(page, ESSAY);
  // The page did load its scripts (an empty count would pass any budget).
  expect(scripts.files.length).toBeGreaterThan(0);
  await expect(page.getByRole('article').locator('.passage')).toHaveCount(12);
  const list = scripts.files.map((f) => `${f.url.replace(/^.*\/_next\/static\//, '')} ${f.gzip}`).join('\n');
  expect(scripts.gzip, `gzip bytes of the reader's scripts:\n${list}`).toBeLessThanOrEqual(READER_BUDGET_BYTES);
});
