// The loading half of the public pages of one entry by its slug (/speakers/<slug>, /topics/<slug>):
// the entry read once per request for both the metadata and the page, and a 404 where there is none.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { shortDescription } from '@/lib/metadata/describe';
import { pageMetadata } from '@/lib/metadata/page';

export type SlugProps = { params: Promise<{ slug: string }> };

export function entryPage<T extends { name: string; slug: string }>(
  get: (slug: string) => Promise<T | null>,
  describe: (entry: T) => string | null,
  page: { path: (slug: string) => string; type: 'website' | 'profile' },
) {
  const load = cache(get);
  return {
    async generateMetadata({ params }: SlugProps): Promise<Metadata> {
      const entry = await load((await params).slug);
      return entry
        ? pageMetadata({ title: entry.name, description: shortDescription(describe(entry)), path: page.path(entry.slug), type: page.type })
        : { title: 'Not found' };
    },
    /** None at build: rendered on the first visit, then served from the page cache until a save renews it (lib/cache). */
    generateStaticParams: (): never[] => [],
    /** The entry, or the not-found page. */
    async load({ params }: SlugProps): Promise<T> {
      const entry = await load((await params).slug);
      if (!entry) notFound();
      return entry;
    },
  };
}
