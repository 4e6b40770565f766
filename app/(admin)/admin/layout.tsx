// The back office's frame: who is signed in, its sections, sign-out. Every page and action below
// still checks the session itself; this layout only shows the way around.
import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { SignOutButton } from '@/components/admin/sign-out-button';
import { HeaderNav } from '@/components/header-nav';
import { requireEditor } from '@/lib/auth/session';

export const dynamic = 'force-dynamic';
export const metadata: Metadata = { title: { default: 'Back office', template: '%s · Back office' }, robots: { index: false, follow: false } };

const SECTIONS = [
  { href: '/admin', label: 'Dashboard' },
  { href: '/admin/documents', label: 'Documents' },
  { href: '/admin/import', label: 'Import' },
  { href: '/admin/speakers', label: 'Speakers' },
  { href: '/admin/topics', label: 'Topics' },
];
const ADMIN_SECTIONS = [
  { href: '/admin/users', label: 'Users' },
  { href: '/admin/audit', label: 'Audit log' },
];

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const editor = await requireEditor();
  const sections = editor.role === 'admin' ? [...SECTIONS, ...ADMIN_SECTIONS] : SECTIONS;
  return (
    <>
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-4 focus:top-4 focus:z-10 focus:bg-white focus:p-2">
        Skip to content
      </a>
      <header className="border-b border-stone-200 bg-stone-100 dark:border-stone-800 dark:bg-stone-900">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center gap-x-6 gap-y-3 px-4 py-3">
          <Link href="/admin" className="font-semibold text-inherit no-underline dark:text-inherit">
            Back office
          </Link>
          <HeaderNav label="Back office" sections={sections}>
            <li>
              <Link href="/">Public site</Link>
            </li>
          </HeaderNav>
          <p className="text-sm">
            {editor.name} <span className="muted">({editor.role})</span>
          </p>
          <SignOutButton />
        </div>
      </header>
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        {children}
      </main>
    </>
  );
}
