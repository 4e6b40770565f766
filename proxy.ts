// Runs before every page, route handler and action (not static files), and before Next's page
// cache. Three jobs:
// - security headers and a Content-Security-Policy with a fresh nonce on every response; Next reads
//   the nonce from the request's CSP header and puts it on every script and style it writes. A page
//   served from the cache is rendered with the server's page nonce instead, which the request edge
//   replaces with a fresh one in every response (lib/cache/page-nonce.ts, lib/server/nonce-rewrite.ts);
// - a search within a document or a filtered documents list goes to its twin rendered per request
//   (lib/cache/public-pages.ts), so the cached pages never read their query string;
// - convenience for the back office: sends a visitor without a session cookie from /admin to the
//   sign-in page, and keeps a live session's cookie from expiring while its owner reads pages.
//   Pages and actions still check the session themselves (lib/auth/session.ts); this never reads
//   the database.
import { NextResponse, type NextRequest } from 'next/server';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from '@/lib/auth/cookie-names';
import { CLIENT_ADDRESS_HEADER, PATH_HEADER } from '@/lib/auth/proxy-headers';
import { IDLE_TIMEOUT_SECONDS } from '@/lib/auth/timeouts';
import { env } from '@/lib/env';
import { pageNonce } from '@/lib/cache/page-nonce';
import { dynamicTwin, servedFromCache } from '@/lib/cache/public-pages';
import { contentSecurityPolicy, isHttps, makeNonce, securityHeaders, type ResponseContext } from '@/lib/security/headers';

const production = process.env.NODE_ENV === 'production';

export function proxy(request: NextRequest) {
  const { pathname, searchParams, search } = request.nextUrl;
  const twin = dynamicTwin(pathname, searchParams);
  // Outside `npm start` (next dev) there is no page nonce, and every page gets a fresh one.
  const cachedPageNonce = production && twin === null && servedFromCache(pathname, searchParams) ? pageNonce() : undefined;
  const nonce = cachedPageNonce ?? makeNonce();
  // x-forwarded-proto is Next's own unless a trusted proxy sent it: the custom server drops it otherwise.
  const context: ResponseContext = { production, https: isHttps(env.SITE_URL, request.headers.get('x-forwarded-proto')) };
  const policy = contentSecurityPolicy(nonce, context);

  // Built from scratch, never passed on: a client's x-middleware-subrequest (the header behind
  // CVE-2025-29927) or its own path header must not reach the app.
  const headers = new Headers(request.headers);
  headers.delete('x-middleware-subrequest');
  headers.delete(PATH_HEADER);
  headers.set('content-security-policy', policy);
  // The custom server sets the client's address; `next dev` has no such server, so there a copy can only be the client's.
  if (!production) headers.delete(CLIENT_ADDRESS_HEADER);

  const response = isAdmin(pathname)
    ? adminResponse(request, headers)
    : twin
      ? NextResponse.rewrite(new URL(`${twin}${search}`, request.url), { request: { headers } })
      : NextResponse.next({ request: { headers } });
  response.headers.set('Content-Security-Policy', policy);
  for (const [name, value] of Object.entries(securityHeaders(context))) response.headers.set(name, value);
  return response;
}

function isAdmin(pathname: string): boolean {
  return pathname === '/admin' || pathname.startsWith('/admin/');
}

function adminResponse(request: NextRequest, headers: Headers): NextResponse {
  const { pathname, search } = request.nextUrl;
  const cookieName = [SECURE_SESSION_COOKIE, SESSION_COOKIE].find((name) => request.cookies.get(name)?.value);
  const isRead = request.method === 'GET' || request.method === 'HEAD';

  // A form post (a server action) is left to the action, whose own check answers it properly.
  if (!cookieName && isRead) {
    const signIn = new URL('/sign-in', request.url);
    signIn.searchParams.set('next', `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }

  headers.set(PATH_HEADER, `${pathname}${search}`);
  const response = NextResponse.next({ request: { headers } });

  // Better Auth renews the cookie only where it can write one (actions, route handlers); a page view
  // is activity too. The database keeps the real deadline, so a dead session gains nothing here.
  // Reads only: an action that signs out must have the last word on the cookie.
  if (cookieName && isRead) {
    response.cookies.set(cookieName, request.cookies.get(cookieName)!.value, {
      httpOnly: true,
      sameSite: 'lax',
      secure: cookieName === SECURE_SESSION_COOKIE,
      path: '/',
      maxAge: IDLE_TIMEOUT_SECONDS,
    });
  }
  return response;
}

export const config = {
  // Everything but the build's static files and the icon: they need no nonce (the custom server
  // gives them the other headers). Prefetches are included: their responses are pages too.
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};
