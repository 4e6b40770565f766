// GET /api/v1/search: the handler lives in lib/api/search-endpoint.ts, where the request edge of
// `npm start` calls it too.
import { searchEndpoint } from '@/lib/api/search-endpoint';

export const { GET, OPTIONS } = searchEndpoint;
