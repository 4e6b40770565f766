// JSON answers of the editors' API: the same refusals as the forms, as status codes.
import 'server-only';
import { BusyError, ConflictError, EditorialError, NotFoundError, ValidationError } from '@/lib/editorial';

const NO_STORE = { 'Cache-Control': 'no-store' };

export const jsonError = (status: number, error: string, message: string, extra: Record<string, unknown> = {}) =>
  Response.json({ error, message, ...extra }, { status, headers: NO_STORE });

export const unauthorized = () => jsonError(401, 'unauthorized', 'Sign in to the back office first.');

/**
 * A cookie-authenticated JSON endpoint must not be callable from another site: browsers only send
 * JSON cross-site after a CORS preflight we never grant, and an Origin that is present must be ours.
 */
export function refuseCrossSite(request: Request): Response | null {
  if (!request.headers.get('content-type')?.toLowerCase().startsWith('application/json')) {
    return jsonError(415, 'unsupported_media_type', 'Send the body as application/json.');
  }
  const origin = request.headers.get('origin');
  const host = request.headers.get('x-forwarded-host') ?? request.headers.get('host');
  if (origin !== null && (originHost(origin) === null || originHost(origin) !== host)) {
    return jsonError(403, 'cross_site', 'Requests from other sites are refused.');
  }
  return null;
}

/** The host of an Origin header, or null for "null" and for anything that is not an address at all. */
function originHost(origin: string): string | null {
  if (!URL.canParse(origin)) return null;
  const { host } = new URL(origin);
  return host === '' ? null : host;
}

/** A refused change as JSON: 400 invalid, 404 missing, 409 stale version (with both sides), 503 busy. */
export function editorialErrorResponse(error: unknown): Response {
  if (error instanceof ValidationError) return jsonError(400, 'invalid', error.message, { fieldErrors: error.fieldErrors, formErrors: error.formErrors });
  if (error instanceof ConflictError) {
    return jsonError(409, 'conflict', error.message, { currentVersion: error.currentVersion, current: error.current, attempted: error.attempted });
  }
  if (error instanceof NotFoundError) return jsonError(404, 'not_found', error.message);
  if (error instanceof BusyError) return jsonError(503, 'busy', error.message);
  if (error instanceof EditorialError) return jsonError(422, 'refused', error.message);
  throw error;
}
