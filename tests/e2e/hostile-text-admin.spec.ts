// Hostile text an editor saves through the back office's own form is shown to readers as text: no
// script runs, no element is injected, bidirectional controls stay characters, and the words come
// back exactly, in the reader, on the passage's own page, in search and in the API.
import { expect, test, type Page } from '@playwright/test';
import { openPassageEditor, signIn } from './admin-fixtures';

const ESSAY = 'how-to-really-bring-change-to-north-korea';
const ESSAY_TITLE = 'How to Really Bring Change to North Korea, My Home Country';
const ANCHOR = 11;
const HOSTILE =
  'Qxhostile <script>window.__injected = 1; alert(1)</script> <img src=x onerror="window.__injected = 2; alert(2)">' +
  ' <b>not bold</b> &amp; &lt;i&gt; \u202Eevil\u202C \u2066isolated\u2069 \u200Fmark';

/** Fails the test if the page ever opens a dialog or sets the flag an injected script would. */
function watchForScripts(page: Page): () => Promise<void> {
  const dialogs: string[] = [];
  page.on('dialog', async (dialog) => {
    dialogs.push(dialog.message());
    await dialog.dismiss();
  });
  return async () => {
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __injected?: number }).__injected)).toBeUndefined();
  };
}

async function editPassageText(page: Page, change: (original: string) => string): Promise<string> {
  await page.goto('/admin/documents');
  await page.getByRole('link', { name: ESSAY_TITLE }).click();
  await openPassageEditor(page, ANCHOR);
  const text = page.getByLabel('Text', { exact: true });
  const original = await text.inputValue();
  await text.fill(change(original));
  await page.getByRole('button', { name: 'Save passage' }).click();
  await expect(page.getByRole('status')).toContainText('Saved as version');
  return original;
}

test('markup and bidi controls an editor saves render as inert text everywhere readers see them', async ({ page, request }) => {
  await signIn(page);
  const original = await editPassageText(page, () => HOSTILE);
  try {
    const noScriptRan = watchForScripts(page);
    const passage = page.locator(`#p${ANCHOR}`);

    await page.goto(`/documents/${ESSAY}`);
    await expect(passage).toContainText('<script>window.__injected = 1; alert(1)</script>');
    // Exactly the saved characters, controls included, and nothing the text could have made into elements.
    expect(await passage.locator('p').first().textContent()).toBe(HOSTILE);
    await expect(passage.locator('script, img, b, i')).toHaveCount(0);

    await page.goto(`/documents/${ESSAY}?q=qxhostile`);
    await expect(passage.locator('mark')).toHaveText(['Qxhostile']);
    await expect(passage.locator('script, img, b, i')).toHaveCount(0);

    await page.goto(`/documents/${ESSAY}/passages/${ANCHOR}`);
    await expect(page.locator('blockquote.prose-reading')).toContainText('\u202Eevil\u202C');
    // The page's JSON-LD is a data block, never run; the saved markup in it stays escaped text.
    await expect(page.locator('main img, main script:not([type="application/ld+json"]), main b')).toHaveCount(0);
    const structuredData = await page.locator('script[type="application/ld+json"]').allTextContents();
    expect(structuredData.length).toBeGreaterThan(0);
    for (const block of structuredData) expect(block).not.toMatch(/<(script|img)/i);

    await page.goto('/search?q=qxhostile');
    await expect(page.getByText(/^1 passage matches/)).toBeVisible();
    const results = page.getByRole('region', { name: 'Results' });
    await expect(results).toContainText('<img src=x onerror=');
    await expect(results.locator('script, img, b, i')).toHaveCount(0);
    await noScriptRan();

    const api = await (await request.get(`/api/v1/documents/${ESSAY}`)).json();
    expect(api.passages.find((p: { anchor: number }) => p.anchor === ANCHOR).text).toBe(HOSTILE);
  } finally {
    // Put the essay's words back for whatever runs next.
    await editPassageText(page, () => original);
  }
});
