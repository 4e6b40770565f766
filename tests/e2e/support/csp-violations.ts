// Opening a page under the nonce CSP (proxy.ts) and collecting every violation Chromium reports, both
// as securitypolicyviolation events and as console errors: what the CSP specs assert is empty.
import { expect, type ConsoleMessage, type Page } from '@playwright/test';

type Watched = Window & { __violations?: string[] };

/** Pages that already record violation events: the init script is added once per page, then runs in every document it loads. */
const recording = new WeakSet<Page>();

/** Opens the address, waits until its scripts ran under the policy, and returns the response with the violations of that visit. */
export async function openUnderPolicy(page: Page, address: string) {
  if (!recording.has(page)) {
    await page.addInitScript(() => {
      const seen: string[] = [];
      (window as Watched).__violations = seen;
      document.addEventListener('securitypolicyviolation', (e) => seen.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    recording.add(page);
  }
  const fromConsole: string[] = [];
  const listener = (message: ConsoleMessage) => {
    if (/content security policy/i.test(message.text())) fromConsole.push(message.text());
  };
  page.on('console', listener);
  try {
    const response = await page.goto(address);
    await page.waitForLoadState('networkidle');
    // The scripts did run under the policy: React hydrated and Next's client router is there.
    await expect
      .poll(() => page.evaluate(() => Boolean((window as unknown as { next?: { version?: string } }).next?.version)), { message: address })
      .toBe(true);
    const events = await page.evaluate(() => (window as Watched).__violations ?? []);
    return { response, violations: [...events, ...fromConsole] };
  } finally {
    page.off('console', listener);
  }
}
