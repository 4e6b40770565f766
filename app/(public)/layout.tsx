// The public site's frame: skip link, header, main landmark and footer. The pages below it are kept
// in Next's page cache and renewed when an editor saves (lib/cache); search is rendered per request.
import type { ReactNode } from 'react';
import Link from 'next/link';
import { SiteHeader } from '@/components/site-header';

export default function PublicLayout({ children }: { children: ReactNode }) {
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-10 focus:bg-white focus:p-2">
        Skip to content
      </a>
      <SiteHeader />
      <main id="main" className="mx-auto max-w-5xl px-4 py-8">
        {children}
      </main>
      <footer className="mx-auto max-w-5xl border-t border-stone-200 px-4 py-6 text-sm muted dark:border-stone-800">
        <p>
          Interview Archive keeps every passage at a stable address: link to it, cite it. Open data:{' '}
          <Link href="/api" prefetch={false}>
            JSON API
          </Link>
          , feeds of new documents (<a href="/feed.xml">RSS</a>, <a href="/feed.atom">Atom</a>, <a href="/feed.json">JSON Feed</a>) and{' '}
          <Link href="/oai?verb=Identify" prefetch={false}>
            OAI-PMH
          </Link>{' '}
          for harvesters.
        </p>
      </footer>
    </>
  );
}
