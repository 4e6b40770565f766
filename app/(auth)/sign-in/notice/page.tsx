// Shown once after signing in when others failed to sign in to the account, or it is locked for new
// addresses: the owner learns of it and who can lift the lock, then goes on where they were headed.
import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { safeReturnPath } from '@/lib/auth/return-path';
import { currentSignInNotice } from '@/lib/auth/sign-in-notice';

export const metadata: Metadata = { title: 'Failed sign-ins on your account', robots: { index: false, follow: false } };

const dateFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

export default async function SignInNoticePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next } = await searchParams;
  const returnPath = safeReturnPath(Array.isArray(next) ? next[0] : next);
  const current = await currentSignInNotice();
  if (!current) redirect(`/sign-in?next=${encodeURIComponent(returnPath)}`);
  const { notice, isAdmin } = current;
  const failures = notice.failuresElsewhere;

  return (
    <>
      <h1 className="mb-4 font-serif text-3xl">Failed sign-ins on your account</h1>
      <div className="space-y-4">
        {failures > 0 && (
          <p>
            Since you last signed in, there {failures === 1 ? 'was 1 failed attempt' : `were ${failures} failed attempts`} to sign in to your account from other
            places. If they were not yours, someone may be guessing your password: tell an admin of the archive.
          </p>
        )}
        {notice.lockedAt && (
          <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900 dark:border-amber-800 dark:bg-amber-950 dark:text-amber-100">
            Because of too many failed attempts, your account has been locked for sign-in from new places since{' '}
            <time dateTime={notice.lockedAt.toISOString()}>{dateFormat.format(notice.lockedAt)} UTC</time>. You can still sign in from networks you have signed
            in from before, as you just did.{' '}
            {isAdmin ? (
              <>
                As an admin, you can lift the lock on the <Link href="/admin/users">Users</Link> page.
              </>
            ) : (
              'An admin of the archive can lift the lock on the Users page of the back office.'
            )}
          </p>
        )}
        {failures === 0 && !notice.lockedAt && <p>Nothing to report: no one else failed to sign in to your account.</p>}
        <p>
          <Link href={returnPath} className="font-medium">
            Continue
          </Link>
        </p>
      </div>
    </>
  );
}
