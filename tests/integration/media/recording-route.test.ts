// GET/HEAD /media/recordings/<file> on real files made by espeak-ng and ffmpeg, through the route
// handler itself: whole files, single ranges (206), unsatisfiable ones (416), validators, and who
// may hear what (published: anyone; drafts: editors; unused or ill-named files: nobody).
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';

const dir = vi.hoisted(() => {
  const folder = `/tmp/archive-recordings-${process.pid}-${Date.now()}`;
  process.env.RECORDINGS_DIR = folder;
  return folder;
});

import { prisma } from '@/lib/db/client';
import { createAccount } from '@/lib/auth/accounts';
import { getAuth } from '@/lib/auth/server';
import { GET, HEAD } from '@/app/media/recordings/[file]/route';
import { createDocumentFixture } from '../../support/factories';
import { installMissingDebianTools } from '../../support/debian-tools';
import { makeSyntheticRecording } from '../../support/synthetic-recording';

const PUBLISHED = `${'a'.repeat(32)}.mp3`;
const DRAFT = `${'b'.repeat(32)}.ogg`;
const UNUSED = `${'c'.repeat(32)}.mp3`;
let mp3: Buffer;

const get = (file: string, headers: Record<string, string> = {}, handler = GET) =>
  handler(new Request(`http://localhost/media/recordings/${file}`, { headers }), { params: Promise.resolve({ file }) });

beforeAll(async () => {
  installMissingDebianTools();
  const made = makeSyntheticRecording(path.join(dir, 'made'));
  mkdirSync(dir, { recursive: true });
  copyFileSync(made.mp3, path.join(dir, PUBLISHED));
  copyFileSync(made.ogg, path.join(dir, DRAFT));
  copyFileSync(made.mp3, path.join(dir, UNUSED));
  mp3 = readFileSync(made.mp3);
  await createDocumentFixture(prisma, { slug: 'heard', passages: [{ text: 'Words.' }], recording: { file: PUBLISHED, type: 'audio/mpeg' } });
  await createDocumentFixture(prisma, { slug: 'unheard', status: 'draft', passages: [{ text: 'Words.' }], recording: { file: DRAFT, type: 'audio/ogg' } });
}, 60_000);
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await prisma.$disconnect();
});

describe('a published document’s recording', () => {
  it('is served whole with its type, validators and long public caching', async () => {
    const response = await get(PUBLISHED);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/mpeg');
    expect(response.headers.get('accept-ranges')).toBe('bytes');
    expect(response.headers.get('content-length')).toBe(String(mp3.length));
    expect(response.headers.get('cache-control')).toBe('public, max-age=3600, no-transform');
    expect(response.headers.get('etag')).toMatch(/^"[0-9a-f]+-[0-9a-f]+"$/);
    expect(response.headers.get('last-modified')).toMatch(/GMT$/);
    expect(Buffer.from(await response.arrayBuffer()).equals(mp3)).toBe(true);
  });

  it.each([
    ['bytes=0-99', 0, 99],
    ['bytes=1000-', 1000, null],
    ['bytes=-500', null, null],
    ['bytes=100-999999999', 100, null],
  ])('answers the range %s with 206 and exactly those bytes', async (range, from, to) => {
    const start = from ?? mp3.length - 500;
    const end = to ?? mp3.length - 1;
    const response = await get(PUBLISHED, { range });
    expect(response.status).toBe(206);
    expect(response.headers.get('content-range')).toBe(`bytes ${start}-${end}/${mp3.length}`);
    expect(response.headers.get('content-length')).toBe(String(end - start + 1));
    expect(Buffer.from(await response.arrayBuffer()).equals(mp3.subarray(start, end + 1))).toBe(true);
  });

  it('answers a range past the end with 416 and the size', async () => {
    const response = await get(PUBLISHED, { range: `bytes=${mp3.length}-` });
    expect(response.status).toBe(416);
    expect(response.headers.get('content-range')).toBe(`bytes */${mp3.length}`);
  });

  it('sends the whole file for several ranges or a malformed one', async () => {
    for (const range of ['bytes=0-1,5-9', 'bytes=9-5', 'items=0-9']) {
      const response = await get(PUBLISHED, { range });
      expect(response.status).toBe(200);
      expect(Number(response.headers.get('content-length'))).toBe(mp3.length);
    }
  });

  it('answers 304 to its own ETag, and sends the whole when If-Range no longer matches', async () => {
    const etag = (await get(PUBLISHED)).headers.get('etag')!;
    expect((await get(PUBLISHED, { 'if-none-match': etag })).status).toBe(304);
    expect((await get(PUBLISHED, { range: 'bytes=0-9', 'if-range': etag })).status).toBe(206);
    expect((await get(PUBLISHED, { range: 'bytes=0-9', 'if-range': '"other"' })).status).toBe(200);
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await get(PUBLISHED, {}, HEAD);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-length')).toBe(String(mp3.length));
    expect((await response.arrayBuffer()).byteLength).toBe(0);
  });
});

describe('what is not served', () => {
  it.each([
    ['a file no document uses', UNUSED],
    ['a name the store never gives', 'recording.mp3'],
    ['a path out of the folder', '..%2F..%2Fetc%2Fpasswd'],
    ['the database itself', 'app.db'],
  ])('%s: 404', async (_case, file) => {
    expect((await get(file)).status).toBe(404);
  });

  it('a draft’s recording: 404 to a reader, served privately to a signed-in editor', async () => {
    expect((await get(DRAFT)).status).toBe(404);
    await createAccount(prisma, { email: 'ed@example.org', name: 'Ed', role: 'editor', password: 'a long enough password' });
    const { headers } = await getAuth().api.signInEmail({ body: { email: 'ed@example.org', password: 'a long enough password' }, returnHeaders: true });
    const cookie = headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const response = await get(DRAFT, { cookie });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('audio/ogg');
    expect(response.headers.get('cache-control')).toMatch(/private, no-store/);
  });
});
