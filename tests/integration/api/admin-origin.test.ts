// PATCH /api/v1/admin/documents/<id>/passages/<anchor> with a hostile Origin header: an unparsable
// one, "null", or another site's is a 403 JSON refusal that writes nothing, never a 500.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PATCH } from '@/app/api/v1/admin/documents/[id]/passages/[anchor]/route';
import { refuseCrossSite } from '@/lib/api/admin-responses';
import { createAccount } from '@/lib/auth/accounts';
import { getAuth } from '@/lib/auth/server';
import { prisma } from '@/lib/db/client';

const PASSWORD = 'a long enough password';
const ESSAY_ID = 2;
let cookie = '';

beforeAll(async () => {
  await createAccount(prisma, { email: 'origin-editor@example.org', name: 'Olga Origin', role: 'editor', password: PASSWORD });
  const { headers } = await getAuth().api.signInEmail({ body: { email: 'origin-editor@example.org', password: PASSWORD }, returnHeaders: true });
  cookie = headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
});
afterAll(() => prisma.$disconnect());

const essay = () =>
  prisma.document.findUniqueOrThrow({ where: { id: ESSAY_ID }, select: { version: true, passages: { where: { anchor: 1 }, select: { text: true } } } });

async function patch(origin: string | null, text: string) {
  const { version } = await essay();
  const headers: Record<string, string> = { cookie, 'content-type': 'application/json', host: 'localhost:3000' };
  if (origin !== null) headers.origin = origin;
  const request = new Request('http://localhost:3000/api/v1/admin/documents/2/passages/1', {
    method: 'PATCH',
    headers,
    body: JSON.stringify({ expectedVersion: version, text }),
  });
  return PATCH(request, { params: Promise.resolve({ id: String(ESSAY_ID), anchor: '1' }) });
}

describe('the Origin header of an editor’s PATCH', () => {
  it.each([
    'http://[::1',
    'http://',
    ':',
    '%',
    'http://exa mple.org',
    'null',
    'javascript:alert(1)',
    'file:///etc/passwd',
    'https://evil.example',
    'http://localhost:3000.evil.example',
  ])('%j is refused with 403 JSON and nothing is written', async (origin) => {
    const before = await essay();
    const response = await patch(origin, 'Overwritten from another site.');
    expect(response.status).toBe(403);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toMatchObject({ error: 'cross_site', message: expect.stringMatching(/other sites/) });
    expect(await essay()).toEqual(before);
  });

  // (A save that passes the check calls revalidatePath, which needs Next's request store: the check itself is asked here.)
  it('lets the site’s own origin, and none at all (a tool, not a browser), through to the save', () => {
    const request = (origin?: string) =>
      new Request('http://localhost:3000/x', {
        method: 'PATCH',
        headers: { 'content-type': 'application/json', host: 'localhost:3000', ...(origin ? { origin } : {}) },
      });
    expect(refuseCrossSite(request('http://localhost:3000'))).toBeNull();
    expect(refuseCrossSite(request())).toBeNull();
    expect(refuseCrossSite(request('http://localhost:3001'))?.status).toBe(403);
  });
});
