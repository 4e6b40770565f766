// Metadata for a public page, whole: title, description, the canonical address, OpenGraph and
// Twitter cards, and the feeds as alternates. Next merges a page's metadata over its layout's key by
// key without merging inside a key (a page's openGraph replaces the layout's), so every page gets
// all of it from here. Addresses are absolute on the configured site address (lib/site-origin.ts),
// never on the Host a request named: cached pages are shared by every reader.
import 'server-only';
import type { Metadata } from 'next';
import { absoluteUrl } from '@/lib/site-origin';
import { FEEDS } from './feeds';
import { SITE_DESCRIPTION, SITE_NAME } from './site';

export interface PageMetadataInput {
  /** The page's own title; the layout's template adds the site's name in <title>. */
  title: string;
  description?: string | null;
  /** The page's path: its canonical address. Omit for a page that has none (a per-reader view). */
  path?: string;
  /** OpenGraph type: "article" for a document or a passage, "profile" for a speaker. */
  type?: 'website' | 'article' | 'profile';
  /** For "article": the original publication date at its precision, and the authors' names. */
  article?: { publishedTime?: string; authors?: string[]; section?: string; tags?: string[] };
  /** The page has a large card image (a document's, app/(public)/documents/[slug]/opengraph-image.tsx). */
  largeCard?: boolean;
  /** Not for search engines (search results, filtered views). */
  noindex?: boolean;
  /** Extra <meta name> tags (the reader's Highwire citation_* tags). */
  other?: Metadata['other'];
}

/** The feeds, for alternates.types. */
export function feedAlternates(): NonNullable<Metadata['alternates']>['types'] {
  return Object.fromEntries(Object.values(FEEDS).map((feed) => [feed.type, [{ url: absoluteUrl(feed.path), title: feed.title }]]));
}

export function pageMetadata(input: PageMetadataInput): Metadata {
  const description = input.description ?? SITE_DESCRIPTION;
  const url = input.path === undefined ? undefined : absoluteUrl(input.path);
  const openGraphBase = { title: input.title, description, url, siteName: SITE_NAME, locale: 'en' };
  return {
    title: input.title,
    description,
    alternates: { ...(url ? { canonical: url } : {}), types: feedAlternates() },
    openGraph:
      input.type === 'article'
        ? { ...openGraphBase, type: 'article', ...input.article }
        : input.type === 'profile'
          ? { ...openGraphBase, type: 'profile' }
          : { ...openGraphBase, type: 'website' },
    twitter: { card: input.largeCard ? 'summary_large_image' : 'summary', title: input.title, description },
    ...(input.noindex ? { robots: { index: false, follow: true } } : {}),
    ...(input.other ? { other: input.other } : {}),
  };
}
