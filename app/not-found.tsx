// The archive's 404 page, for unknown addresses and unknown slugs alike.
import type { Metadata } from 'next';
import Link from 'next/link';
import { SiteHeader } from '@/components/site-header';

export const metadata: Metadata = { title: 'Not found' };

export default function NotFound() {
  return (
    <>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-3xl px-4 py-16">
        <h1 className="font-serif text-3xl font-semibold">Not found</h1>
        <p className="mt-4 font-serif text-lg">
          There is nothing at this address. The document, speaker or topic may have been renamed, or the link may be mistyped.
        </p>
        <ul className="mt-6 list-disc space-y-1 pl-5">
          <li>
            <Link href="/documents">Browse all documents</Link>
          </li>
          <li>
            <Link href="/topics">Browse by topic</Link>
          </li>
          <li>
            <Link href="/">Go to the home page</Link>
          </li>
        </ul>
      </main>
    </>
  );
}
