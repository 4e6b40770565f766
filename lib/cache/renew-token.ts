// The secret that lets the server's own watcher renew every cached page through the renewal route
// (app/api/cache/route.ts): revalidatePath() only runs inside a Next request, so the custom server
// asks Next over loopback. Random per process; without it the route answers 404.
import 'server-only';
import { timingSafeEqual } from 'node:crypto';

export const RENEW_TOKEN_ENV = 'ARCHIVE_RENEW_TOKEN';
export const RENEW_PATH = '/api/cache';
export const RENEW_HEADER = 'x-archive-renew';

export function isRenewToken(value: string | null): boolean {
  const expected = process.env[RENEW_TOKEN_ENV];
  if (!expected || !value) return false;
  const [a, b] = [Buffer.from(value), Buffer.from(expected)];
  return a.length === b.length && timingSafeEqual(a, b);
}
