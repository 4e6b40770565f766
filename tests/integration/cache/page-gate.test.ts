// The existence gate before Next's page cache, over real HTTP through the request edge, on a real
// SQLite copy of the seeded archive: what reaches Next (the handler below stands in for it and
// records the URL it was given). An unknown entry (any length) goes to the 404 page rendered per
// request, so Next's cache never writes a file for it; a real one passes as it is; another spelling
// of a real one is redirected to its own; every other route passes untouched.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { entityPageExists } from '@/lib/data/page-existence';
import { openReaderAt, openWriter, type Reader, type Writer } from '@/lib/db';
import { NOWHERE } from '@/lib/server/edge';
import { createPageGate } from '@/lib/server/page-gate';
import { unpublishDocument } from '@/lib/editorial';
import { createDocumentFixture } from '@/tests/support/factories';
import { copyTemplateTarget } from '@/tests/support/per-file-database';
import { serveEdge, type EdgeServer } from '@/tests/support/edge-server';

const ESSAY = 'how-to-really-bring-change-to-north-korea';
const QA = 'seongmin-lee-qa-part-2-us-relations-with-north-korea';
/** Routes without parameters in the build (from Next's routes manifest in `npm start`). */
const LITERAL = new Set(['/documents', '/documents/_filtered', '/topics/feed.xml']);

/** One copy of the seeded archive for the whole file (the last test changes it). */
let writer: Writer;
let reader: Reader;
let served: EdgeServer;
let base: string;
let reached: string[] = [];

beforeAll(async () => {
  writer = openWriter(copyTemplateTarget('seededTemplate'));
  reader = openReaderAt(writer.file);
  served = await serveEdge({
    handle: async (request, response) => {
      reached.push(request.url ?? '');
      response.end('next');
    },
    pageGate: createPageGate((page) => entityPageExists(reader, page), LITERAL),
  });
  base = served.base;
});
afterAll(async () => {
  await served.close();
  reader.close();
  writer.close();
});
afterEach(() => {
  reached = [];
});

/** What Next is given for a path (null: nothing, the edge answered), and the edge's answer. */
async function through(path: string) {
  reached = [];
  const response = await fetch(base + path, { redirect: 'manual' });
  await response.text();
  return { status: response.status, location: response.headers.get('location'), next: reached[0] ?? null };
}

describe('the existence gate', () => {
  it('sends unknown entries of every cached route, however long, to the 404 page rendered per request', async () => {
    const long = 'x'.repeat(2_000);
    const unknown = [
      '/documents/no-such-thing',
      `/documents/${long}`,
      '/speakers/x',
      '/topics/x',
      `/topics/${long}`,
      `/documents/${ESSAY}/passages/9999`,
      `/documents/${ESSAY}/passages/0`,
      `/documents/${ESSAY}/passages/seven`,
      `/documents/${ESSAY}/passages/1234567890`,
      `/documents/no-such-thing/passages/1`,
      '/documents/_x',
      '/documents/How-To',
      '/documents/a%2Fb',
    ];
    for (const path of unknown) expect((await through(path)).next, path).toBe(NOWHERE);
  });

  it('lets real entries through as they are, their query strings too', async () => {
    for (const path of [
      `/documents/${ESSAY}`,
      `/documents/${ESSAY}?q=smuggling`,
      `/documents/${ESSAY}/passages/7`,
      `/documents/${QA}/passages/1?_rsc=abc`,
      '/speakers/seongmin-lee',
      '/topics/china',
    ]) {
      expect(await through(path), path).toEqual({ status: 200, location: null, next: path });
    }
  });

  it('redirects another spelling of a real entry’s address to its own, keeping the query', async () => {
    const spellings: [string, string][] = [
      [`/documents/${ESSAY.replace('to-', 'to%2D')}`, `/documents/${ESSAY}`],
      [`/documents/${ESSAY.replace('to-', 'to%2d')}?q=guards`, `/documents/${ESSAY}?q=guards`],
      [`/documents/how%2Dto%2Dreally-bring-change-to-north-korea/passages/007`, `/documents/${ESSAY}/passages/7`],
      [`/%64ocuments/${ESSAY}`, `/documents/${ESSAY}`],
      ['/speakers/seongmin%2Dlee', '/speakers/seongmin-lee'],
      ['/topics/%63hina', '/topics/china'],
    ];
    for (const [path, canonical] of spellings) expect(await through(path), path).toEqual({ status: 308, location: canonical, next: null });
  });

  it('never touches other routes: literal ones beside a parameter, files, feeds, the API, deeper pages', async () => {
    for (const path of [
      '/',
      '/documents',
      '/documents?topic=china',
      '/documents/_filtered?topic=china',
      '/topics/feed.xml',
      '/sitemap.xml',
      '/robots.txt',
      '/feed.xml',
      '/oai?verb=Identify',
      '/api/v1/openapi.json',
      '/api/v1/documents/no-such-thing',
      '/api/v1/documents/no-such-thing/export/tei',
      `/documents/${ESSAY}/cite`,
      `/documents/no-such-thing/export.json`,
      '/documents/no-such-thing/',
      '/search?q=x',
      '/_next/static/chunks/x.js',
    ]) {
      expect((await through(path)).next, path).toBe(path);
    }
  });

  it('follows the archive as it changes: a new document is reachable at once, an unpublished one is not', async () => {
    const slug = 'a-document-published-after-the-gate-looked';
    expect((await through(`/documents/${slug}`)).next).toBe(NOWHERE);
    await createDocumentFixture(writer, {
      slug,
      speakers: [{ name: 'Gate Probe Speaker', slug: 'gate-probe-speaker' }],
      passages: [{ speaker: 'Gate Probe Speaker', text: 'Boats, mostly, and the guards on the far bank.' }],
    });
    expect((await through(`/documents/${slug}`)).next).toBe(`/documents/${slug}`);
    expect((await through(`/documents/${slug}/passages/1`)).next).toBe(`/documents/${slug}/passages/1`);
    expect((await through('/speakers/gate-probe-speaker')).next).toBe('/speakers/gate-probe-speaker');

    const id = (writer.db.prepare('SELECT id FROM Document WHERE slug = ?').get(slug) as { id: number }).id;
    await unpublishDocument({ id: 'u-ada', name: 'Ada Editor', email: 'ada@example.org', role: 'editor' }, { id, expectedVersion: 1 }, { writer });
    expect((await through(`/documents/${slug}`)).next).toBe(NOWHERE);
    expect((await through(`/documents/${slug}/passages/1`)).next).toBe(NOWHERE);
    // Its speaker has no other published document: getSpeaker would answer 404 too.
    expect((await through('/speakers/gate-probe-speaker')).next).toBe(NOWHERE);
  });
});
