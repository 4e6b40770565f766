// The back office's main pages in Chromium, checked by axe-core against WCAG 2.2 A and AA, at desktop
// and phone widths: the dashboard, lists, the document and passage editors, import with its preview,
// speakers, topics, history with a diff, and the conflict view. What it needs it makes itself: a
// draft document of its own (never public), so the seeded documents stay as they are.
import { expect, test, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { hydrated, importCheckStep, openPassageEditor, saveImportAsDraft, signIn } from './admin-fixtures';
import { expectNoViolations, PHONE } from './support/axe';

// axe checks every element's contrast: on a loaded 2-core machine one page can take 20 s or more.
test.describe.configure({ timeout: 180_000 });

const ESSAY_TITLE = 'How to Really Bring Change to North Korea, My Home Country';

async function check(page: Page, path: string, heading: RegExp) {
  await page.goto(path);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(heading);
  await expectNoViolations(page);
}

/** Imports a draft through the real form and returns its editor's path; the preview is checked on the way. */
async function importDraft(page: Page, title: string): Promise<string> {
  await page.goto('/admin/import');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Import/);
  await expectNoViolations(page);
  await hydrated(page);
  await page
    .getByLabel('Paste the transcript or essay')
    .fill(`${title}\n\nAB: Where did you cross?\n\nCD: Near Hyesan, at night.\n\nAB: Were you afraid?\n\nCD: Every minute.\n`);
  await page.getByLabel('Labels').fill('AB = Ann Bell\nCD = Chol Do');
  await page.getByRole('button', { name: 'Preview' }).click();
  const step2 = importCheckStep(page);
  await expect(step2.getByText('Passages (4)')).toBeVisible();
  await expectNoViolations(page); // the preview, with its editable fields
  await step2.getByLabel('Publication date').fill('2021-03');
  await step2.getByLabel('Publisher').fill('Example Review');
  await saveImportAsDraft(page);
  return new URL(page.url()).pathname;
}

for (const width of ['desktop', 'phone'] as const) {
  test.describe(`${width} width`, () => {
    if (width === 'phone') test.use(PHONE);

    test('dashboard, lists, speakers, topics, users and audit log: no WCAG 2.2 AA violations', async ({ page }) => {
      await signIn(page);
      await check(page, '/admin', /./);
      await check(page, '/admin/documents', /^Documents$/);
      await check(page, '/admin/speakers', /^Speakers$/);
      await page.getByRole('link', { name: 'Seongmin Lee' }).first().click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Seongmin Lee');
      await expectNoViolations(page);
      await check(page, '/admin/topics', /^Topics$/);
      await page.getByRole('link', { name: 'China', exact: true }).first().click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('China');
      await expectNoViolations(page);
      await check(page, '/admin/users', /Users/);
      await check(page, '/admin/audit', /Audit/);
      await check(page, '/admin/documents/new', /./);
    });

    test('a published document and a passage in the editor: no WCAG 2.2 AA violations', async ({ page }) => {
      await signIn(page);
      await page.goto('/admin/documents');
      await page.getByRole('link', { name: ESSAY_TITLE }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(ESSAY_TITLE);
      await expectNoViolations(page);
      await openPassageEditor(page, 3);
      await expectNoViolations(page);
    });

    test('import, a draft, its history with a diff and a conflict: no WCAG 2.2 AA violations', async ({ browser }) => {
      await checkEditingFlow(browser, `Axe check ${width}`, width === 'phone' ? PHONE : {});
    });
  });
}

/** Two tabs need a context of their own, which does not take test.use's viewport: it is given here. */
async function checkEditingFlow(browser: Browser, title: string, options: BrowserContextOptions) {
  const context = await browser.newContext(options);
  const first = await context.newPage();
  await signIn(first);
  const editor = await importDraft(first, title);
  await expect(first.getByRole('heading', { level: 1 })).toHaveText(title);
  await expectNoViolations(first); // the draft's editor, with its notice

  // Two tabs on one passage: the second save meets the conflict view.
  const second = await context.newPage();
  for (const page of [first, second]) {
    await page.goto(editor);
    await openPassageEditor(page, 2);
  }
  const firstText = first.getByLabel('Text', { exact: true });
  await firstText.fill(`${await firstText.inputValue()} Cold water.`);
  await first.getByRole('button', { name: 'Save passage' }).click();
  await expect(first.getByRole('status')).toContainText('Saved as version');
  await expectNoViolations(first); // the editor with its saved notice
  const secondText = second.getByLabel('Text', { exact: true });
  await secondText.fill(`${await secondText.inputValue()} Deep snow.`);
  await second.getByRole('button', { name: 'Save passage' }).click();
  await expect(second.getByRole('heading', { name: /Someone else saved this document/ })).toBeVisible();
  await expectNoViolations(second);

  await first.goto(`${editor}/history`);
  await expect(first.getByRole('heading', { level: 1 })).toHaveText(/History/);
  await expectNoViolations(first);
  await first.getByRole('link', { name: /What changed in version 2/ }).click();
  await expect(first.getByRole('region', { name: /Changes from version 1 to version 2/ })).toContainText('Cold water');
  await expectNoViolations(first);
  await context.close();
}
