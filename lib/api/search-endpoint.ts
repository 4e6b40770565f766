// GET /api/v1/search: passages matching a query, ranked, with facets; each hit a SearchHitDto (lib/data/dto.ts).
// The route (app/api/v1/search/route.ts) exports this handler; `npm start`'s request edge calls the
// same handler without Next's routing (lib/server/direct-search-api.ts says why).
import 'server-only';
import { jsonText, parseQuery } from '@/lib/api/responses';
import { searchJson } from '@/lib/data/search';
import { searchParamsSchema } from '@/lib/validation/search';
import { publicGet } from '@/lib/api/public-get';

export const searchEndpoint = publicGet(async (request: Request) => {
  const query = parseQuery(request, searchParamsSchema);
  if (query.refused) return query.refused;
  // The JSON text is made where the search ran (lib/data/search-answer.ts).
  return jsonText(await searchJson(query.data));
});
