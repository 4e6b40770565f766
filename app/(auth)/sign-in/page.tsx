// The back office's sign-in page. Someone already signed in goes straight on.
import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { getEditor } from '@/lib/auth/session';
import { safeReturnPath } from '@/lib/auth/return-path';
import { SignInForm } from './sign-in-form';

export const metadata: Metadata = { title: 'Sign in', robots: { index: false, follow: false } };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { next } = await searchParams;
  const returnPath = safeReturnPath(Array.isArray(next) ? next[0] : next);
  if (await getEditor()) redirect(returnPath);

  return (
    <>
      <h1 className="mb-2 font-serif text-3xl">Sign in</h1>
      <p className="mb-6 muted">The back office is for the archive&apos;s editors. Accounts are made by an admin.</p>
      <SignInForm next={returnPath} />
    </>
  );
}
