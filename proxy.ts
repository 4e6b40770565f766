// Convenience only: sends a visitor without a session cookie from /admin to the sign-in page, and
// keeps a live session's cookie from expiring while its owner reads pages. Pages and actions still
// check the session themselves (lib/auth/session.ts); this never reads the database.
import { NextResponse, type NextRequest } from 'next/server';
import { SECURE_SESSION_COOKIE, SESSION_COOKIE } from '@/lib/auth/cookie-names';
import { PATH_HEADER } from '@/lib/auth/proxy-headers';
import { IDLE_TIMEOUT_SECONDS } from '@/lib/auth/timeouts';

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  const cookieName = [SECURE_SESSION_COOKIE, SESSION_COOKIE].find((name) => request.cookies.get(name)?.value);
  const isRead = request.method === 'GET' || request.method === 'HEAD';

  // A form post (a server action) is left to the action, whose own check answers it properly.
  if (!cookieName && isRead) {
    const signIn = new URL('/sign-in', request.url);
    signIn.searchParams.set('next', `${pathname}${search}`);
    return NextResponse.redirect(signIn);
  }

  // Built from scratch, never passed on: a client's x-middleware-subrequest (the header behind
  // CVE-2025-29927) or its own path header must not reach the app.
  const headers = new Headers(request.headers);
  headers.delete('x-middleware-subrequest');
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
  matcher: ['/admin', '/admin/:path*'],
};
