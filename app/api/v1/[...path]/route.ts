// Any /api/v1 address no endpoint serves: a JSON 404 naming the endpoints, not the site's HTML page,
// since whoever asks here is a program reading JSON. The list comes from the API's registry.
import { jsonError } from '@/lib/api/responses';
import { ENDPOINTS } from '@/lib/api/openapi/registry';

const LISTED = ENDPOINTS.filter((e) => e.method === 'get' && !e.path.includes('{')).map((e) => `/api/v1${e.path}`);

const notFound = () =>
  jsonError(
    404,
    'not_found',
    `No API endpoint at this address. The endpoints are ${LISTED.join(', ')}; the API is described at /api and /api/v1/openapi.json.`,
  );

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
