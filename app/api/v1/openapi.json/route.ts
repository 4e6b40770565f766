// GET /api/v1/openapi.json: the OpenAPI 3.1 description of the API, generated from the endpoint
// registry and the zod schemas the routes validate with (lib/api/openapi).
import { jsonOk, parseQuery } from '@/lib/api/responses';
import { publicGet } from '@/lib/api/public-get';
import { openApiDocument } from '@/lib/api/openapi/document';
import { noParamsSchema } from '@/lib/validation/common';

export const { GET, OPTIONS } = publicGet((request: Request) => {
  const query = parseQuery(request, noParamsSchema);
  if (query.refused) return query.refused;
  return jsonOk(openApiDocument());
});
