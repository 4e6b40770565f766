// Any /api/v1 address no endpoint serves: a JSON 404 naming the endpoints, not the site's HTML page,
// since whoever asks here is a program reading JSON.
import { jsonError } from '@/lib/api/responses';

const ENDPOINTS = ['/api/v1/documents', '/api/v1/search', '/api/v1/speakers', '/api/v1/topics'];

const notFound = () => jsonError(404, 'not_found', `No API endpoint at this address. The endpoints are ${ENDPOINTS.join(', ')}.`);

export const GET = notFound;
export const HEAD = notFound;
export const POST = notFound;
export const PUT = notFound;
export const PATCH = notFound;
export const DELETE = notFound;
