// /robots.txt: search engines may read the archive, not its search results (each query its own
// page, endless and rendered per request: /search, a search within a document, a filtered list's
// twin), the back office or the API. Rendered per request so the sitemap's address is the running
// server's SITE_URL, not the build machine's.
import type { MetadataRoute } from 'next';
import { absoluteUrl } from '@/lib/site-origin';

export const dynamic = 'force-dynamic';

const DISALLOWED = ['/search', '/documents/*?q=', '/documents/_filtered', '/admin', '/api', '/sign-in'];

export default function robots(): MetadataRoute.Robots {
  return {
    rules: { userAgent: '*', allow: '/', disallow: DISALLOWED },
    sitemap: absoluteUrl('/sitemap.xml'),
  };
}
