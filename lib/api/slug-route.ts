// One handler for the public API's GET /api/v1/<collection>/<slug> routes (documents, speakers, topics):
// the slug checked, no query parameters accepted, a 404 naming what is missing, and JSON errors. Each
// route gives only how to load its entry and what to add to it (the reader addresses); publicGet adds
// the validators and CORS. A route exports `export const GET = slugRoute(…)` and the preflight,
// `export { preflight as OPTIONS } from '@/lib/api/public-get'`.
import 'server-only';
import { jsonNotFound, jsonOk, parseRequest } from './responses';
import { publicGet } from './public-get';
import { noParamsSchema } from '@/lib/validation/common';
import { slugParamSchema } from '@/lib/validation/slug-param';

export function slugRoute<T>(what: string, load: (slug: string) => Promise<T | null | undefined>, present: (entry: T) => unknown) {
  return publicGet(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
    const parsed = await parseRequest(request, params, slugParamSchema, noParamsSchema);
    if (parsed.refused) return parsed.refused;
    const entry = await load(parsed.params.slug);
    if (!entry) return jsonNotFound(what);
    return jsonOk(present(entry));
  }).GET;
}
