// A link to a public page that works with the page cache. A cached page (lib/cache/public-pages.ts)
// never reads its query: `/documents?topic=…` and `/documents/<slug>?q=…` are rewritten by proxy.ts
// to twins rendered per request. Next's client router cannot know that. Once it holds /documents
// (prefetched by the header's link, or visited), a click on `/documents?topic=china` whose own
// prefetch has not answered yet takes the route without the query as an "optimistic" stand-in, and a
// static page's data does not vary with the query: the reader saw the unfiltered list under the
// filtered URL (next/dist/client/components/segment-cache/cache.js, requestOptimisticRouteCacheEntry;
// `prefetch={false}` makes it certain, since then no prefetch ever answers). So a link whose query sends
// it to a twin is a plain link, loaded by the browser; every other link stays a client-side <Link>.
import Link from 'next/link';
import type { ComponentProps } from 'react';
import { dynamicTwin } from '@/lib/cache/public-pages';

type PageLinkProps = Omit<ComponentProps<'a'>, 'href'> & { href: string };

/** Whether following `href` lands on a twin rendered per request rather than the cached page of its path. */
export function leadsToTwin(href: string): boolean {
  const url = new URL(href, 'http://archive.invalid');
  return dynamicTwin(url.pathname, url.searchParams) !== null;
}

export function PageLink({ href, ...props }: PageLinkProps) {
  return leadsToTwin(href) ? <a href={href} {...props} /> : <Link href={href} {...props} />;
}
