// The sections of a site header (public or back office): a labelled list of links.
import Link from 'next/link';
import type { ReactNode } from 'react';

export function HeaderNav({ label, sections, children }: { label: string; sections: { href: string; label: string }[]; children?: ReactNode }) {
  return (
    <nav aria-label={label} className="flex-1">
      <ul className="flex flex-wrap gap-x-4 gap-y-1">
        {sections.map((section) => (
          <li key={section.href}>
            <Link href={section.href}>{section.label}</Link>
          </li>
        ))}
        {children}
      </ul>
    </nav>
  );
}
