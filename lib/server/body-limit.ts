// A server action's body past Next's limit (serverActions.bodySizeLimit in next.config.js) fails
// inside Next with a 500 before the action runs. The edge answers such a POST with 413 instead.
import 'server-only';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from '@/lib/auth/cookie-names';
import { RECORDING_MAX_BYTES } from '@/lib/media/recording-limits';

/**
 * Keep equal to next.config.js's serverActions.bodySizeLimit ('51mb'); a unit test holds them together.
 * Next's limit is one for every page, so it is the largest page POST: a recording's upload
 * (RECORDING_MAX_BYTES) with 1 MB for the form's other fields and its multipart framing.
 */
export const PAGE_POST_MAX_BYTES = RECORDING_MAX_BYTES + 1024 * 1024;

/**
 * Every other page's POST: an import's text and file (1 MB each, checked with a message in the form)
 * and framing. The edge holds them to it, so that no form but the upload makes Next buffer 51 MB.
 */
export const FORM_POST_MAX_BYTES = 3 * 1024 * 1024;

/** The document editor's page, where the recording form's server action posts. */
const RECORDING_UPLOAD_PAGE = /^\/admin\/documents\/[1-9]\d{0,15}$/;

/**
 * The largest body a POST to this page may declare: a recording's size only on the upload's page and
 * only with a session cookie (whether the session is valid is the action's to check; without any, no
 * one may make the server buffer 51 MB), 3 MB everywhere else.
 */
export const pagePostLimit = (path: string, signedIn = false): number =>
  signedIn && RECORDING_UPLOAD_PAGE.test(path) ? PAGE_POST_MAX_BYTES : FORM_POST_MAX_BYTES;

export interface BodyCheck {
  method: string | undefined;
  path: string;
  contentLength: string | undefined;
  /** A session cookie came with the request (its name, not its validity). */
  signedIn?: boolean;
}

const isPagePost = (method: string | undefined, path: string) => method === 'POST' && path !== '/api' && !path.startsWith('/api/');

/**
 * True for a POST to a page (a server action) that says it carries more than that page takes. A body
 * sent in chunks without Content-Length cannot be judged here and is left to Next's own limit (Next
 * itself forwards an action to the worker that owns it as a stream, so such posts are not refused).
 * /api is left to its route handlers, which read bodies themselves.
 */
export function isOversizedPagePost({ method, path, contentLength, signedIn }: BodyCheck): boolean {
  if (!isPagePost(method, path)) return false;
  if (contentLength === undefined || !/^\d+$/.test(contentLength.trim())) return false;
  return Number(contentLength.trim()) > pagePostLimit(path, signedIn);
}

/** Whether a Cookie header carries a session cookie (by name only: the action checks the session). */
export function hasSessionCookie(cookie: string | undefined): boolean {
  return (cookie ?? '').split(';').some((pair) => {
    const name = pair.split('=')[0]!.trim();
    return name === SESSION_COOKIE || name === SECURE_SESSION_COOKIE;
  });
}
