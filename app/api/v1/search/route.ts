// GET /api/v1/search: passages matching a query, ranked, with facets; each hit a SearchHitDto (lib/data/dto.ts).
import { absoluteUrl, jsonOk, parseQuery } from '@/lib/api/responses';
import { entityMatchesDto, searchHitDto } from '@/lib/data/dto';
import { search } from '@/lib/data/search';
import { searchParamsSchema } from '@/lib/validation/search';
import { publicGet } from '@/lib/api/public-get';

export const { GET, OPTIONS } = publicGet(async (request: Request) => {
  const query = parseQuery(request, searchParamsSchema);
  if (query.refused) return query.refused;
  const result = await search(query.data);
  const entities = result.entities ? { entities: entityMatchesDto(result.entities, absoluteUrl) } : {};
  return jsonOk({ ...result, hits: result.hits.map((hit) => searchHitDto(hit, absoluteUrl)), ...entities });
});
