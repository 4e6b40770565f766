// Server actions are POSTs to a page's own address. One sent by a browser from another site names
// that site in its Origin header; Next itself refuses it, but with a 500. The edge answers 403.

import 'server-only';
import { isApiPath, isHarvestPath } from './request-target';
export interface OriginCheck {
  method: string | undefined;
  path: string;
  origin: string | undefined;
  /** The hosts this site answers as: the Host header, SITE_URL's host, a trusted proxy's X-Forwarded-Host. */
  ownHosts: (string | undefined)[];
}

/**
 * True for a POST to a page (not /api: route handlers and Better Auth check Origin themselves)
 * whose Origin is another host, `null` (sandboxed frames, some redirects) or not a URL at all.
 * No Origin at all is let through, as Next does: browsers send one with every cross-origin POST, so
 * its absence means a hand-made request, which cannot carry a visitor's cookies unwillingly.
 * Checked with or without a Next-Action header: a form posted without JavaScript carries none.
 */
export function isForeignPagePost({ method, path, origin, ownHosts }: OriginCheck): boolean {
  // OAI-PMH allows a form-encoded POST from any harvester; it reads no cookie and changes nothing.
  if (method !== 'POST' || isApiPath(path) || isHarvestPath(path)) return false;
  if (origin === undefined) return false;
  let host: string;
  try {
    host = new URL(origin).host.toLowerCase();
  } catch {
    return true;
  }
  if (!host) return true;
  return !ownHosts.some((own) => own !== undefined && own.trim().toLowerCase() === host);
}
