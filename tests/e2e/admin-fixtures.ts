// Back-office accounts for browser tests, made with the real `npm run admin:create` on the e2e
// database, and a sign-in helper that goes through the real sign-in form.
import { execFileSync } from 'node:child_process';
import { expect, type Page } from '@playwright/test';
import { SCRIPT_NODE_ARGS } from '@/scripts/node-args';
import { e2eDatabaseUrl } from './support/e2e-database';

export interface Account {
  email: string;
  password: string;
  name: string;
  role: 'admin' | 'editor';
}

export const EDITOR: Account = { email: 'e2e-admin@archive.test', password: 'correct horse battery staple', name: 'E2E Admin', role: 'admin' };
/** An editor without admin rights. */
export const EDITOR_ONLY: Account = { email: 'e2e-editor@archive.test', password: 'another long passphrase', name: 'E2E Editor', role: 'editor' };

const created = new Set<string>();

export function ensureAccount(account: Account): void {
  if (created.has(account.email)) return;
  try {
    execFileSync(process.execPath, [...SCRIPT_NODE_ARGS, 'scripts/admin-create.ts', '--email', account.email, '--name', account.name, '--role', account.role], {
      env: { ...process.env, DATABASE_URL: e2eDatabaseUrl(), ADMIN_PASSWORD: account.password },
      stdio: 'pipe',
    });
  } catch (error) {
    // Made by an earlier test file of this run: the e2e database is new for every run.
    const output = String((error as { stderr?: Buffer }).stderr ?? '');
    if (!/exists/i.test(output)) throw error;
  }
  created.add(account.email);
}

export const ensureAdminAccount = () => ensureAccount(EDITOR);
export const ensureEditorAccount = () => ensureAccount(EDITOR_ONLY);

export async function signInAs(page: Page, account: Account, next = '/admin'): Promise<void> {
  ensureAccount(account);
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await hydrated(page);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[?]/g, '\\?')}$`));
}

export const signIn = (page: Page, next = '/admin') => signInAs(page, EDITOR, next);

/** Waits until the page's scripts have loaded, so that what a test types is not undone by hydration. */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  // The network going quiet is not hydration. When React hydrates a textarea it sets its value from
  // the markup again, so text filled in before then is lost and the save finds "nothing changed".
  // Every visible form control carries React's fiber once it is hydrated (the hidden inputs React adds
  // to a server action's form on the server are not in the client's tree, so they never get one).
  await page.waitForFunction(() =>
    [...document.querySelectorAll('form textarea, form input:not([type=hidden]), form select, form button')].every((element) =>
      Object.keys(element).some((key) => key.startsWith('__reactFiber$')),
    ),
  );
}

/** The import page, signed in and hydrated, ready for a text or a file. */
export async function openImport(page: Page): Promise<void> {
  await signIn(page, '/admin/import');
  await hydrated(page);
}

/** The import's second step: the preview, checked and corrected, then saved. */
export const importCheckStep = (page: Page) => page.getByRole('form', { name: '2. Check and correct, then save a draft' });

/** Saves the checked preview as a draft and waits until the page says it is imported. */
export async function saveImportAsDraft(page: Page): Promise<void> {
  await importCheckStep(page).getByRole('button', { name: 'Save as draft' }).click();
  await expect(page.getByRole('status')).toContainText('Imported as a draft');
}

/**
 * Opens a passage's editor from its document's page. The link navigates on the client, where the
 * load state of the page is already "networkidle": wait for the passage's own heading first, or a
 * fill could land in the document page's "Add a passage" form, which also has a field named Text.
 */
export async function openPassageEditor(page: Page, anchor: number): Promise<void> {
  await page.getByRole('link', { name: `Edit passage ${anchor}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: `Passage ${anchor}` })).toBeVisible();
  await hydrated(page);
}
