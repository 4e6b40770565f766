// GET /api/v1/search: passages matching a query, ranked, with facets; see lib/search/types.ts.
import { absoluteUrl, jsonBadRequest, jsonOk } from '@/lib/api/responses';
import { search } from '@/lib/data/search';
import { searchParamsRecord } from '@/lib/validation/common';
import { searchParamsSchema } from '@/lib/validation/search';

export async function GET(request: Request) {
  const parsed = searchParamsSchema.safeParse(searchParamsRecord(new URL(request.url).searchParams));
  if (!parsed.success) return jsonBadRequest(parsed.error);
  const result = await search(parsed.data);
  return jsonOk({
    ...result,
    hits: result.hits.map(({ anchor: _anchor, marked: _marked, ...hit }) => ({ ...hit, url: absoluteUrl(request, hit.url) })),
  });
}
