// axe-core in the page as it is rendered, against WCAG 2.2 A and AA (the issue's bar): a failed check
// lists every violation with the elements it found, so the report says what to fix and where.
import { AxeBuilder } from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export const PHONE = { viewport: { width: 412, height: 915 }, isMobile: true, hasTouch: true };

/** One line per violation: rule, impact, what it asks, and the first elements it found. */
function describe(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
  return violations.map((v) => {
    const nodes = v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')}${n.failureSummary ? ` (${n.failureSummary.replace(/\s+/g, ' ')})` : ''}`);
    return `${v.id} [${v.impact}] ${v.help}: ${nodes.join('; ')}${v.nodes.length > 5 ? `; and ${v.nodes.length - 5} more` : ''}`;
  });
}

export async function expectNoViolations(page: Page): Promise<void> {
  // The server's markup is what axe judges; hydration adds no markup. ('networkidle' is not waited
  // for: the back office prefetches every link it shows, and on a loaded machine that never settles.)
  await page.waitForLoadState('load');
  const results = await new AxeBuilder({ page }).withTags(WCAG_TAGS).analyze();
  expect(describe(results.violations), `axe on ${page.url()}`).toEqual([]);
  // A page that failed to render would pass vacuously: axe must have checked real content.
  expect(results.passes.length).toBeGreaterThan(10);
}
