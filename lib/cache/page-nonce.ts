// The nonce cached pages are rendered with, and replaced in every response (lib/server/nonce-rewrite.ts).
//
// A page served from the cache was rendered before its request, so it cannot carry that request's
// nonce. It is rendered with this one instead: random per server process, set by `npm start`
// (scripts/start.ts) and never sent to anyone, because the request edge replaces it, in the CSP
// header and in the body, with a fresh nonce for each response. Only the scripts Next itself marked
// while rendering carry it, so markup injected into a page gets no nonce, exactly as before; and no
// reader ever sees a nonce that another response also uses. The server renews every cached page
// when it starts (scripts/start.ts), so no page rendered with an older process's value is served.
// Pure (no server-only): proxy.ts reads it.

export const PAGE_NONCE_ENV = 'ARCHIVE_PAGE_NONCE';

/** The process's page nonce; undefined outside `npm start` (then every page gets a fresh nonce). */
export function pageNonce(): string | undefined {
  const value = process.env[PAGE_NONCE_ENV];
  return value && /^[A-Za-z0-9+/]{22}==$/.test(value) ? value : undefined;
}
