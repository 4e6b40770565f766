// The site's public origin, for every absolute link it gives out (the API's url fields, citations):
// SITE_URL when it is set, else http://localhost:<PORT>. Never the Host or X-Forwarded-Host a
// client sent: anyone can set those, and a link built from them would send readers (and any cache
// that keeps the answer) to another site.
import 'server-only';
import { env } from '@/lib/env';

export function siteOrigin(): string {
  return env.SITE_URL ? new URL(env.SITE_URL).origin : `http://localhost:${env.PORT}`;
}

/** The absolute address of a path on this site. */
export const absoluteUrl = (path: string): string => new URL(path, siteOrigin()).toString();
