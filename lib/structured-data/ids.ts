// The absolute identifiers (@id) of the site's nodes, so that a document, a passage and a person
// named on several pages are one node to whoever merges them. Page addresses identify documents and
// passages; a person is the thing a speaker page is about, so it gets the page's address + #person.
import 'server-only';
import { absoluteUrl } from '@/lib/site-origin';
import { documentPath, passageDetailPath, speakerPath } from '@/lib/urls';

export const siteId = () => absoluteUrl('/#website');
export const documentId = (slug: string) => absoluteUrl(documentPath(slug));
export const passageId = (documentSlug: string, anchor: number) => absoluteUrl(passageDetailPath(documentSlug, anchor));
export const personId = (slug: string) => `${absoluteUrl(speakerPath(slug))}#person`;
