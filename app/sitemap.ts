// /sitemap.xml: every public page with an address of its own that a search engine should read: the
// lists, every published document, speaker and topic, each with its last change. Passage pages are
// left out: a document's passages can number in the thousands (a sitemap holds at most 50,000
// addresses), and every passage page is linked from its document's reader, where crawlers find it.
// Search and filtered views are not listed (robots.txt). Rendered per request: it is the archive now.
import type { MetadataRoute } from 'next';
import { sitemapEntries } from '@/lib/data/publications';
import { absoluteUrl } from '@/lib/site-origin';
import { documentPath, speakerPath, topicPath } from '@/lib/urls';

export const dynamic = 'force-dynamic';

const LISTS = ['/', '/documents', '/speakers', '/topics', '/timeline'];

export default async function sitemap(): Promise<MetadataRoute.Sitemap> {
  const { documents, speakers, topics } = await sitemapEntries();
  // The lists change when a document does.
  const newest = documents
    .map((d) => d.updatedAt)
    .sort()
    .at(-1);
  return [
    ...LISTS.map((path) => ({ url: absoluteUrl(path), ...(newest ? { lastModified: newest } : {}) })),
    ...documents.map((d) => ({ url: absoluteUrl(documentPath(d.slug)), lastModified: d.updatedAt })),
    ...speakers.map((s) => ({ url: absoluteUrl(speakerPath(s.slug)), lastModified: s.updatedAt })),
    ...topics.map((t) => ({ url: absoluteUrl(topicPath(t.slug)), lastModified: t.updatedAt })),
  ];
}
