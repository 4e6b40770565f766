// The frame of the sign-in page: a narrow main column, no public navigation.
import type { ReactNode } from 'react';
import Link from 'next/link';

// Reads the session cookie on every request.
export const dynamic = 'force-dynamic';

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <header className="mx-auto max-w-md px-4 pt-8">
        <Link href="/" className="font-serif text-lg no-underline">
          Interview Archive
        </Link>
      </header>
      <main id="main" className="mx-auto max-w-md px-4 py-8">
        {children}
      </main>
    </>
  );
}
