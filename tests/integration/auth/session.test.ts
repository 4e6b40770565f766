// The session check behind getEditor/requireEditor/editorFromRequest: a valid cookie gives the editor;
// a session past its absolute or idle deadline, or of a disabled user, is refused and deleted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createAccount } from '@/lib/auth/accounts';
import { getAuth } from '@/lib/auth/server';
import { editorFromRequest } from '@/lib/auth/session';
import { checkSession } from '@/lib/auth/session-check';

const PASSWORD = 'a long enough password';
let editorId = '';

beforeAll(async () => {
  editorId = (await createAccount(prisma, { email: 'editor@example.org', name: 'Eddie Editor', role: 'editor', password: PASSWORD })).id;
});
afterAll(() => prisma.$disconnect());

/** Signs in through Better Auth and returns a request carrying the session cookie it set. */
async function signedInRequest(path = '/admin') {
  const { headers, response } = await getAuth().api.signInEmail({ body: { email: 'editor@example.org', password: PASSWORD }, returnHeaders: true });
  const cookie = headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return { request: new Request(`http://localhost${path}`, { headers: { cookie } }), token: response.token, setCookie: headers.getSetCookie() };
}

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Lax, lasts the idle timeout, and is not Secure outside production', async () => {
    const { setCookie } = await signedInRequest();
    const session = setCookie.find((c) => c.startsWith('archive.session_token='))!;
    expect(session).toMatch(/HttpOnly/i);
    expect(session).toMatch(/SameSite=Lax/i);
    expect(session).toMatch(/Max-Age=3600/i);
    expect(session).not.toMatch(/Secure/i);
  });
});

describe('editorFromRequest', () => {
  it('gives the signed-in editor, as the plain Editor shape', async () => {
    const { request } = await signedInRequest();
    expect(await editorFromRequest(request)).toEqual({ id: editorId, name: 'Eddie Editor', email: 'editor@example.org', role: 'editor' });
  });

  it('gives null without a cookie and for a forged one', async () => {
    expect(await editorFromRequest(new Request('http://localhost/admin'))).toBeNull();
    const { token } = await signedInRequest();
    const forged = new Request('http://localhost/admin', { headers: { cookie: `archive.session_token=${token}.forgedsignature` } });
    expect(await editorFromRequest(forged)).toBeNull();
  });

  it('refuses and deletes a session signed in 13 hours ago, however active', async () => {
    const { request, token } = await signedInRequest();
    await prisma.session.update({
      where: { token },
      data: { createdAt: new Date(Date.now() - 13 * 3600_000), expiresAt: new Date(Date.now() + 3600_000) },
    });
    expect(await editorFromRequest(request)).toBeNull();
    expect(await prisma.session.findUnique({ where: { token } })).toBeNull();
  });

  it('refuses a session idle past its deadline', async () => {
    const { request, token } = await signedInRequest();
    await prisma.session.update({ where: { token }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect(await editorFromRequest(request)).toBeNull();
    expect(await prisma.session.findUnique({ where: { token } })).toBeNull();
  });

  it('refuses a disabled user even if a session survived', async () => {
    const { request, token } = await signedInRequest();
    await prisma.user.update({ where: { id: editorId }, data: { disabled: true } });
    try {
      expect(await editorFromRequest(request)).toBeNull();
      expect(await prisma.session.findUnique({ where: { token } })).toBeNull();
    } finally {
      await prisma.user.update({ where: { id: editorId }, data: { disabled: false } });
    }
  });

  it('ends when Better Auth signs it out', async () => {
    const { request } = await signedInRequest();
    await getAuth().api.signOut({ headers: request.headers });
    expect(await editorFromRequest(request)).toBeNull();
  });
});

describe('the idle deadline', () => {
  it('moves an hour ahead on activity once the last move is over five minutes old, never past 12 hours', async () => {
    const { request, token } = await signedInRequest();
    const created = (await prisma.session.findUniqueOrThrow({ where: { token } })).createdAt;

    // Ten minutes after signing in: the deadline had not moved for ten minutes, so it moves.
    const tenMinutesLater = new Date(created.getTime() + 10 * 60_000);
    await prisma.session.update({ where: { token }, data: { expiresAt: new Date(created.getTime() + 3600_000) } });
    expect(await checkSession(request.headers, tenMinutesLater)).not.toBeNull();
    const moved = await prisma.session.findUniqueOrThrow({ where: { token } });
    expect(moved.expiresAt.getTime()).toBe(tenMinutesLater.getTime() + 3600_000);

    // Eleven and a half hours in: an hour more would pass the absolute deadline, so it stops there.
    const late = new Date(created.getTime() + 11.5 * 3600_000);
    await prisma.session.update({ where: { token }, data: { expiresAt: new Date(late.getTime() + 30 * 60_000) } });
    expect(await checkSession(request.headers, late)).not.toBeNull();
    const capped = await prisma.session.findUniqueOrThrow({ where: { token } });
    expect(capped.expiresAt.getTime()).toBe(created.getTime() + 12 * 3600_000);
  });
});
