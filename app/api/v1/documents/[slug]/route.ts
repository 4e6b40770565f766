// GET /api/v1/documents/<slug>: one published document with every passage and its reader address.
import { slugRoute } from '@/lib/api/slug-route';
import { getPublishedDocument } from '@/lib/data/documents';
import { documentJson } from '@/lib/exports/document-json';

export { preflight as OPTIONS } from '@/lib/api/public-get';

export const GET = slugRoute('document', getPublishedDocument, documentJson);
