// A server action's body past Next's limit (serverActions.bodySizeLimit in next.config.js) fails
// inside Next with a 500 before the action runs. The edge answers such a POST with 413 instead.
import 'server-only';
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

/** The largest body a POST to this page may declare. */
export const pagePostLimit = (path: string): number => (RECORDING_UPLOAD_PAGE.test(path) ? PAGE_POST_MAX_BYTES : FORM_POST_MAX_BYTES);

export interface BodyCheck {
  method: string | undefined;
  path: string;
  contentLength: string | undefined;
}

/**
 * True for a POST to a page (a server action) that says it carries more than that page takes. A body
 * sent in chunks without Content-Length cannot be judged here and is left to Next's own limit. /api
 * is left to its route handlers, which read bodies themselves.
 */
export function isOversizedPagePost({ method, path, contentLength }: BodyCheck): boolean {
  if (method !== 'POST' || path === '/api' || path.startsWith('/api/')) return false;
  if (contentLength === undefined || !/^\d+$/.test(contentLength.trim())) return false;
  return Number(contentLength.trim()) > pagePostLimit(path);
}
