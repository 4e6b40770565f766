// proxy.ts: a CSP with a fresh nonce and the security headers on every page; for /admin, redirects
// cookie-less page requests to sign-in with the way back, ignores x-middleware-subrequest, and renews
// a session cookie in a form Better Auth still accepts.
import { afterAll, describe, expect, it } from 'vitest';
import { NextRequest } from 'next/server';
import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { config, proxy } from '@/proxy';
import { prisma } from '@/lib/db/client';
import { createAccount } from '@/lib/auth/accounts';
import { getAuth } from '@/lib/auth/server';
import { editorFromRequest } from '@/lib/auth/session';

afterAll(() => prisma.$disconnect());

const request = (path: string, init: { method?: string; headers?: Record<string, string> } = {}) => new NextRequest(`http://localhost:3000${path}`, init);

describe('proxy', () => {
  it("runs on every path but the build's static files", () => {
    for (const url of ['/', '/admin', '/admin/users', '/documents', '/sign-in', '/api/v1/documents', '/no/such/page']) {
      expect(unstable_doesMiddlewareMatch({ config, url }), url).toBe(true);
    }
    for (const url of ['/_next/static/chunks/app.js', '/_next/image', '/favicon.ico']) {
      expect(unstable_doesMiddlewareMatch({ config, url }), url).toBe(false);
    }
  });

  it('gives each response a CSP with its own nonce, and hands the same policy to Next to put the nonce on its scripts', () => {
    const [a, b] = [proxy(request('/documents')), proxy(request('/documents'))];
    const policy = a.headers.get('content-security-policy')!;
    expect(policy).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}' 'strict-dynamic'/);
    expect(policy).toContain("frame-ancestors 'none'");
    expect(a.headers.get('x-middleware-request-content-security-policy')).toBe(policy);
    expect(b.headers.get('content-security-policy')).not.toBe(policy);
    expect(a.headers.get('x-frame-options')).toBe('DENY');
    expect(a.headers.get('x-content-type-options')).toBe('nosniff');
    expect(a.headers.get('referrer-policy')).toBe('strict-origin-when-cross-origin');
    expect(a.headers.get('permissions-policy')).toContain('camera=()');
  });

  it('leaves public pages alone otherwise: no redirect, and no path header a client could have sent', () => {
    const response = proxy(request('/documents', { headers: { 'x-archive-path': '/admin/forged', 'x-middleware-subrequest': 'proxy' } }));
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('x-middleware-request-x-archive-path')).toBeNull();
    expect(response.headers.get('x-middleware-request-x-middleware-subrequest')).toBeNull();
    expect(response.headers.get('x-middleware-override-headers')).not.toContain('x-archive-path');
  });

  it('puts the headers on the sign-in redirect too', () => {
    const response = proxy(request('/admin'));
    expect(response.status).toBe(307);
    expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(response.headers.get('x-frame-options')).toBe('DENY');
  });

  it('sends a visitor without a session cookie to sign-in, with the path to come back to', () => {
    const response = proxy(request('/admin/users?page=2'));
    expect(response.status).toBe(307);
    const location = new URL(response.headers.get('location')!);
    expect(location.pathname).toBe('/sign-in');
    expect(location.searchParams.get('next')).toBe('/admin/users?page=2');
  });

  it('does not let x-middleware-subrequest skip it', () => {
    const response = proxy(request('/admin', { headers: { 'x-middleware-subrequest': 'proxy:proxy:proxy:proxy:proxy' } }));
    expect(response.status).toBe(307);
  });

  it('leaves a form post to the server action, which checks the session itself', () => {
    const response = proxy(request('/admin/users', { method: 'POST' }));
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  it('lets a request with a cookie through and renews the cookie for another idle period', async () => {
    await createAccount(prisma, { email: 'reader@example.org', name: 'Reader', role: 'editor', password: 'reading all day long' });
    const { headers } = await getAuth().api.signInEmail({
      body: { email: 'reader@example.org', password: 'reading all day long' },
      returnHeaders: true,
    });
    const cookie = headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');

    const response = proxy(request('/admin/documents', { headers: { cookie, 'x-middleware-subrequest': 'proxy' } }));
    expect(response.headers.get('location')).toBeNull();
    expect(response.headers.get('x-middleware-request-x-archive-path')).toBe('/admin/documents');
    expect(response.headers.get('x-middleware-request-x-middleware-subrequest')).toBeNull();

    const renewed = response.headers.getSetCookie().find((c) => c.startsWith('archive.session_token='))!;
    expect(renewed).toMatch(/Max-Age=3600/i);
    expect(renewed).toMatch(/HttpOnly/i);
    expect(renewed).toMatch(/SameSite=Lax/i);
    // The renewed value must still carry a valid signature.
    const again = new Request('http://localhost:3000/admin', { headers: { cookie: renewed.split(';')[0] } });
    expect(await editorFromRequest(again)).toMatchObject({ email: 'reader@example.org' });
  });
});
