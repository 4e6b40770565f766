// The site's public origin for absolute links in pages (citations): SITE_URL, else the request's host.
import 'server-only';
import { headers } from 'next/headers';
import { env } from '@/lib/env';

export async function siteOrigin(): Promise<string> {
  if (env.SITE_URL) return env.SITE_URL.replace(/\/$/, '');
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? `localhost:${env.PORT}`;
  const protocol = h.get('x-forwarded-proto') ?? 'http';
  return `${protocol}://${host}`;
}
