// Back-office accounts for browser tests, made with the real `npm run admin:create` on the e2e
// database, and a sign-in helper that goes through the real sign-in form.
import { execFileSync } from 'node:child_process';
import { expect, type Page } from '@playwright/test';

export const EDITOR = { email: 'e2e-admin@archive.test', password: 'correct horse battery staple', name: 'E2E Admin' };

let created = false;

export function ensureAdminAccount(): void {
  if (created) return;
  try {
    execFileSync('npx', ['tsx', 'scripts/admin-create.ts', '--email', EDITOR.email, '--name', EDITOR.name, '--role', 'admin'], {
      env: { ...process.env, DATABASE_URL: 'file:./data/e2e.db', ADMIN_PASSWORD: EDITOR.password },
      stdio: 'pipe',
    });
  } catch (error) {
    // Made by an earlier test file of this run: the e2e database is new for every run.
    const output = String((error as { stderr?: Buffer }).stderr ?? '');
    if (!/exists/i.test(output)) throw error;
  }
  created = true;
}

export async function signIn(page: Page, next = '/admin'): Promise<void> {
  ensureAdminAccount();
  await page.goto(`/sign-in?next=${encodeURIComponent(next)}`);
  await hydrated(page);
  await page.getByLabel('Email').fill(EDITOR.email);
  await page.getByLabel('Password').fill(EDITOR.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[?]/g, '\\?')}$`));
}

/** Waits until the page's scripts have loaded, so that what a test types is not undone by hydration. */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
}
