// The one wrapper of the public read API's GET endpoints: JSON errors (route-errors.ts), a validator
// on every 200 and a 304 for a client that has it already, and reads from any site (CORS). A route
// exports `export const { GET, OPTIONS } = publicGet(handler)`; nothing about caching or CORS is
// written per route.
//
// The validator is a strong ETag: a hash of the exact body. It covers everything an answer holds,
// counts and facets included, which no single updatedAt does, so there is no Last-Modified and
// If-Modified-Since is left unanswered (RFC 9110 13.1.3: a recipient without a modification date
// ignores it; If-None-Match takes precedence anyway). Answers say `Cache-Control: no-cache`: a
// client or cache may keep them but asks again each time, and a 304 spares it the body.
import 'server-only';
import { createHash } from 'node:crypto';
import { withJsonErrors } from './route-errors';

type Handler<Rest extends unknown[]> = (request: Request, ...rest: Rest) => Response | Promise<Response>;

/** What every answer of the public API says to another site's script: read it, without credentials. */
export const CORS_HEADERS = {
  'Access-Control-Allow-Origin': '*',
  // Without this a script on another site cannot read the validator to send it back.
  'Access-Control-Expose-Headers': 'ETag, X-Request-Id, Retry-After',
};

const PREFLIGHT_HEADERS = {
  ...CORS_HEADERS,
  'Access-Control-Allow-Methods': 'GET, HEAD, OPTIONS',
  // If-None-Match is not a CORS-safelisted header: a conditional request from a script is preflighted.
  'Access-Control-Allow-Headers': 'If-None-Match, If-Modified-Since, Accept',
  'Access-Control-Max-Age': '86400',
};

/** The headers a 304 repeats from the 200 it stands for (RFC 9110 15.4.5). */
const KEPT_ON_304 = ['cache-control', 'etag', 'vary', 'content-location', 'expires'];

export function publicGet<Rest extends unknown[]>(handler: Handler<Rest>): { GET: Handler<Rest>; OPTIONS: () => Response } {
  const guarded = withJsonErrors(handler);
  const GET: Handler<Rest> = async (request, ...rest) => withValidator(request, withCors(await guarded(request, ...rest)));
  return { GET, OPTIONS: preflight };
}

/** The answer to a CORS preflight (or a plain OPTIONS): which methods and headers another site may use. */
export function preflight(): Response {
  return new Response(null, { status: 204, headers: { ...PREFLIGHT_HEADERS, Allow: 'GET, HEAD, OPTIONS' } });
}

function withCors(response: Response): Response {
  for (const [name, value] of Object.entries(CORS_HEADERS)) response.headers.set(name, value);
  return response;
}

/** A strong ETag of the body: the same bytes, the same tag, on every server and after every restart. */
export function etagOf(body: ArrayBuffer): string {
  return `"${createHash('sha256').update(new Uint8Array(body)).digest('base64url').slice(0, 32)}"`;
}

/** Whether an If-None-Match header names this tag (weak comparison, RFC 9110 13.1.2), or is `*`. */
export function matchesIfNoneMatch(header: string | null, etag: string): boolean {
  if (header === null) return false;
  if (header.trim() === '*') return true;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return header.split(',').some((tag) => opaque(tag) === opaque(etag));
}

async function withValidator(request: Request, response: Response): Promise<Response> {
  // Errors and refusals stay uncached and unvalidated: only a whole answer gets a tag.
  if (response.status !== 200 || response.body === null) return response;
  const body = await response.arrayBuffer();
  const etag = etagOf(body);
  const headers = new Headers(response.headers);
  headers.set('ETag', etag);
  headers.set('Cache-Control', 'no-cache');
  if (matchesIfNoneMatch(request.headers.get('if-none-match'), etag)) {
    const kept = new Headers();
    for (const [name, value] of headers) if (KEPT_ON_304.includes(name) || name.startsWith('access-control-')) kept.set(name, value);
    return new Response(null, { status: 304, headers: kept });
  }
  return new Response(body, { status: 200, headers });
}
