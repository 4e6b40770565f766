// An account at its ceiling of failed sign-ins, in Chromium: its owner, signing in from a new place,
// is told it is locked and who can lift it; an admin sees the lock on the Users page and lifts it;
// the owner then signs in and is told how many failed attempts there were before going on.
import Database from 'better-sqlite3';
import { expect, test, type Page } from '@playwright/test';
import { ensureAccount, hydrated, signIn, type Account } from './admin-fixtures';

const OWNER: Account = { email: 'locked-owner@archive.test', password: 'the owner knows this one', name: 'Locked Owner', role: 'editor' };

/** What 100 failed guesses from 100 addresses leave behind (running them here would take minutes). */
function lockAccount(email: string) {
  const db = new Database('data/e2e.db');
  try {
    db.pragma('busy_timeout = 5000');
    const now = new Date().toISOString().replace('Z', '+00:00');
    db.prepare(
      `INSERT INTO SignInAccountGuard (email, failures, windowStart, unreported, lockedAt, noticeFailures) VALUES (?, 100, ?, 100, ?, 0)
       ON CONFLICT (email) DO UPDATE SET failures = 100, unreported = 100, lockedAt = excluded.lockedAt`,
    ).run(email, now, now);
  } finally {
    db.close();
  }
}

async function submitSignIn(page: Page, account: Account) {
  // Leave the signed-in page first: a prefetch still in flight would bring the renewed session cookie
  // back into the jar after it was cleared, and the sign-in page would send the admin on.
  await page.goto('about:blank');
  await page.context().clearCookies();
  await page.goto('/sign-in?next=%2Fadmin');
  await hydrated(page);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

test('a locked account: the owner is told, an admin lifts the lock, the owner learns of the failed attempts', async ({ page }) => {
  ensureAccount(OWNER);
  lockAccount(OWNER.email);

  // Never signed in from here, so even the right password is not checked.
  await submitSignIn(page, OWNER);
  await expect(page.locator('#sign-in-message')).toContainText('it is locked for sign-in from new places');
  await expect(page.locator('#sign-in-message')).toContainText('ask an admin of the archive to unlock it on the Users page');
  await expect(page).toHaveURL(/\/sign-in/);

  await page.context().clearCookies();
  await signIn(page, '/admin/users');
  await expect(page.getByText(`1 account is locked for sign-in from new places after too many failed sign-ins: ${OWNER.email}.`)).toBeVisible();
  const row = page.getByRole('row', { name: new RegExp(OWNER.name) });
  await expect(row).toContainText('Sign-in locked for new places since');
  await expect(row).toContainText('(100 failed sign-ins)');
  await hydrated(page);
  await row.getByRole('button', { name: `Unlock sign-in of ${OWNER.email}` }).click();
  await expect(row.getByText('Unlocked: they can sign in from anywhere again.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('row', { name: new RegExp(OWNER.name) })).not.toContainText('Sign-in locked');

  await submitSignIn(page, OWNER);
  await expect(page).toHaveURL(/\/sign-in\/notice\?next=%2Fadmin$/);
  await expect(page.getByRole('heading', { level: 1, name: 'Failed sign-ins on your account' })).toBeVisible();
  await expect(page.getByText('there were 100 failed attempts to sign in to your account from other places')).toBeVisible();
  await page.getByRole('link', { name: 'Continue' }).click();
  await expect(page).toHaveURL(/\/admin$/);
});
