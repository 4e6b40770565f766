// GET /api/v1/documents: published documents with the same filters, sort and pages as /documents.
import { absoluteUrl, jsonBadRequest, jsonOk } from '@/lib/api/responses';
import { listDocuments } from '@/lib/data/documents';
import { searchParamsRecord } from '@/lib/validation/common';
import { documentFiltersSchema } from '@/lib/validation/document-filters';
import { documentPath } from '@/lib/urls';

export async function GET(request: Request) {
  const parsed = documentFiltersSchema.safeParse(searchParamsRecord(new URL(request.url).searchParams));
  if (!parsed.success) return jsonBadRequest(parsed.error);
  const list = await listDocuments(parsed.data);
  return jsonOk({
    ...list,
    items: list.items.map((document) => ({ ...document, url: absoluteUrl(request, documentPath(document.slug)) })),
  });
}
