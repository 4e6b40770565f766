// GET /api/v1/documents: published documents with the same filters, sort and pages as /documents.
import { absoluteUrl, jsonOk, parseQuery } from '@/lib/api/responses';
import { listDocuments } from '@/lib/data/documents';
import { documentFiltersSchema } from '@/lib/validation/document-filters';
import { documentPath } from '@/lib/urls';
import { publicGet } from '@/lib/api/public-get';

export const { GET, OPTIONS } = publicGet(async (request: Request) => {
  const query = parseQuery(request, documentFiltersSchema);
  if (query.refused) return query.refused;
  const list = await listDocuments(query.data);
  return jsonOk({
    ...list,
    items: list.items.map((document) => ({ ...document, url: absoluteUrl(documentPath(document.slug)) })),
  });
});
