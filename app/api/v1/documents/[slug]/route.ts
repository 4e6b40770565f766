// GET /api/v1/documents/<slug>: one published document with every passage and its reader address.
import { absoluteUrl } from '@/lib/api/responses';
import { slugRoute } from '@/lib/api/slug-route';
import { getPublishedDocument } from '@/lib/data/documents';
import { documentPath, passagePath } from '@/lib/urls';

export { preflight as OPTIONS } from '@/lib/api/public-get';

export const GET = slugRoute('document', getPublishedDocument, ({ passages, ...document }) => ({
  ...document,
  url: absoluteUrl(documentPath(document.slug)),
  passages: passages.map(({ paragraphs: _paragraphs, ...passage }) => ({
    ...passage,
    url: absoluteUrl(passagePath(document.slug, passage.anchor)),
  })),
}));
