// GET /api/v1/documents/<slug>: one published document with every passage and its reader address.
import { slugRoute } from '@/lib/api/slug-route';
import { getPublishedDocument } from '@/lib/data/documents';
import { documentJson } from '@/lib/exports/document-json';

export const GET = slugRoute('document', getPublishedDocument, documentJson);
