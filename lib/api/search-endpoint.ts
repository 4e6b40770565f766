// GET /api/v1/search: passages matching a query, ranked, with facets; each hit a SearchHitDto (lib/data/dto.ts).
// The route (app/api/v1/search/route.ts) exports this handler; `npm start`'s request edge calls the
// same handler without Next's routing (lib/server/direct-search-api.ts says why).
import 'server-only';
import { absoluteUrl, jsonOk, parseQuery } from '@/lib/api/responses';
import { entityMatchesDto, searchHitDto } from '@/lib/data/dto';
import { search } from '@/lib/data/search';
import { searchParamsSchema } from '@/lib/validation/search';
import { publicGet } from '@/lib/api/public-get';

export const searchEndpoint = publicGet(async (request: Request) => {
  const query = parseQuery(request, searchParamsSchema);
  if (query.refused) return query.refused;
  const result = await search(query.data);
  const entities = result.entities ? { entities: entityMatchesDto(result.entities, absoluteUrl) } : {};
  return jsonOk({ ...result, hits: result.hits.map((hit) => searchHitDto(hit, absoluteUrl)), ...entities });
});
