// A server action's body past Next's limit (serverActions.bodySizeLimit in next.config.js) fails
// inside Next with a 500 before the action runs. The edge answers such a POST with 413 instead.
import 'server-only';
import { RECORDING_MAX_BYTES } from '@/lib/media/recording-limits';

/**
 * Keep equal to next.config.js's serverActions.bodySizeLimit ('51mb'); a unit test holds them together.
 * The largest page POST is a recording's upload (RECORDING_MAX_BYTES) with 1 MB for the form's other
 * fields and its multipart framing.
 */
export const PAGE_POST_MAX_BYTES = RECORDING_MAX_BYTES + 1024 * 1024;

export interface BodyCheck {
  method: string | undefined;
  path: string;
  contentLength: string | undefined;
}

/**
 * True for a POST to a page (a server action) that says it carries more than Next would read. A body
 * sent in chunks without Content-Length cannot be judged here and is left to Next. /api is left to
 * its route handlers, which read bodies themselves.
 */
export function isOversizedPagePost({ method, path, contentLength }: BodyCheck): boolean {
  if (method !== 'POST' || path === '/api' || path.startsWith('/api/')) return false;
  if (contentLength === undefined || !/^\d+$/.test(contentLength.trim())) return false;
  return Number(contentLength.trim()) > PAGE_POST_MAX_BYTES;
}
