// A page Next rendered across a save is renewed again (lib/server/render-overlap.ts), over real HTTP
// through the request edge. The handler stands in for Next's page cache as it behaves: a render reads
// the archive when it starts and stores the page when it ends; a save renews (drops) the cached pages
// before its response leaves; a stored page is sent as a HIT until it is renewed. So a render that
// read the archive before a save and ended after the save's renewal is stored as it was read: the
// race a browser test once met (the reader showed the text a restore had just replaced).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SESSION_COOKIE } from '@/lib/auth/cookie-names';
import { RENEW_PATH } from '@/lib/cache/renew-token';
import { createRenderOverlapWatch, type RenderOverlapWatch } from '@/lib/server/render-overlap';
import { serveEdge, type EdgeServer } from '@/tests/support/edge-server';

const READER = '/documents/some-interview';

let version = 1;
/** Path → the version its stored page shows. */
let cache = new Map<string, number>();
/** Each renewal call's paths, in order. */
let renewals: string[][] = [];
let holdRender: Promise<void> | null = null;
let holdSave: Promise<void> | null = null;
let holdRenewal: Promise<void> | null = null;

const bodyOf = (request: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let text = '';
    request.on('data', (chunk: Buffer) => (text += chunk.toString()));
    request.on('end', () => resolve(text));
  });

async function next(request: IncomingMessage, response: ServerResponse) {
  const path = request.url ?? '/';
  if (request.method === 'POST' && path === RENEW_PATH) {
    const body = await bodyOf(request);
    const paths = body === '' ? [...cache.keys()] : (JSON.parse(body) as { paths: string[] }).paths;
    if (body !== '') renewals.push(paths);
    for (const renewed of paths) cache.delete(renewed);
    const held = holdRenewal;
    holdRenewal = null;
    if (held) await held;
    response.statusCode = 204;
    return response.end();
  }
  if (request.method === 'POST') {
    version++;
    cache.clear(); // the save renews the pages it touched before its response leaves
    const held = holdSave;
    holdSave = null;
    if (held) await held;
    response.statusCode = 303;
    return response.end();
  }
  const stored = cache.get(path);
  if (stored !== undefined) {
    response.setHeader('x-nextjs-cache', 'HIT');
    return response.end(`version ${stored}`);
  }
  const read = version; // the render reads the archive as it starts…
  const held = holdRender;
  holdRender = null;
  if (held) await held;
  cache.set(path, read); // …and the page is stored, as fresh, when it ends
  response.setHeader('x-nextjs-cache', 'MISS');
  response.end(`version ${read}`);
}

/** A promise and the function that settles it. */
function gate() {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

let served: EdgeServer;
let watch: RenderOverlapWatch;

async function serve(watched: boolean) {
  watch = createRenderOverlapWatch({ renew: (paths) => void renewal(paths) });
  served = await serveEdge({ handle: next, ...(watched ? { renderOverlap: watch } : {}) });
}

const read = async () => (await fetch(`${served.base}${READER}`)).text();
/** An editor's save: a POST with a session (the stand-in checks none). */
const save = (session = true) =>
  fetch(`${served.base}/admin/save`, { method: 'POST', redirect: 'manual', headers: session ? { cookie: `${SESSION_COOKIE}=token` } : {} });
/** The call the server's watcher makes (lib/server/cache-renewal.ts), with no body: every page. */
const renewal = (paths?: string[]) => fetch(`${served.base}${RENEW_PATH}`, { method: 'POST', ...(paths ? { body: JSON.stringify({ paths }) } : {}) });
const shownSoon = (text: string) => expect.poll(read, { timeout: 1_000, interval: 25 }).toBe(text);

/**
 * A render that has read the archive and now waits for `render` to open: its page comes in a box (an
 * async function's returned promise would be awaited, and wait for the render to end).
 */
async function renderHeld(render: ReturnType<typeof gate>) {
  holdRender = render.promise;
  const reading = read();
  await expect.poll(() => holdRender === null).toBe(true);
  return { reading };
}

/** A write under way: it has dropped the cached pages and holds its answer until `open`; `done` when it has answered. */
interface HeldWrite {
  done: Promise<unknown>;
  open: () => void;
}

/** A renewal call (`call`) under way, held once it has dropped the pages. */
async function heldRenewal(call: () => Promise<unknown>): Promise<HeldWrite> {
  const renewing = gate();
  holdRenewal = renewing.promise;
  const done = call();
  await expect.poll(() => holdRenewal === null).toBe(true);
  return { done, open: renewing.open };
}

/**
 * A render that reads the archive and ends while a write is under way (`held` starts it): it stores
 * version 1, nothing is renewed until the write is done, and then the page shows the write.
 */
async function renderEndsDuringWrite(held: () => Promise<HeldWrite>) {
  await serve(true);
  const render = gate();
  const { reading } = await renderHeld(render);
  const write = await held();
  render.open();
  expect(await reading).toBe('version 1');
  expect(await read()).toBe('version 1');
  expect(renewals).toEqual([]);
  write.open();
  await write.done;
  await shownSoon('version 2');
  expect(renewals).toEqual([[READER]]);
}

/** A render that reads the archive, waits while a save is made and done, then ends: it stores version 1. */
async function renderAcrossSave() {
  const render = gate();
  const { reading } = await renderHeld(render);
  await save();
  render.open();
  expect(await reading).toBe('version 1');
}

beforeEach(() => {
  version = 1;
  cache = new Map();
  renewals = [];
});
afterEach(async () => {
  await served?.close();
});

describe('a page rendered across a save', () => {
  it('is stored as it was read, without the watch: the save never shows (the race itself)', async () => {
    await serve(false);
    await renderAcrossSave();
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(await read()).toBe('version 1');
  });

  it('is renewed when the render ends after the save is done, and shows the save within a second', async () => {
    await serve(true);
    await renderAcrossSave();
    await shownSoon('version 2');
    expect(renewals).toEqual([[READER]]);
  });

  it('is renewed once the save is done when the render ends while the save is under way', async () => {
    await renderEndsDuringWrite(async () => {
      const saving = gate();
      holdSave = saving.promise;
      const done = save();
      await expect.poll(() => version).toBe(2); // the save has renewed the pages and holds its response
      return { done, open: saving.open };
    });
  });

  it('is left alone when what it overlapped saved nothing: a renewal call (its renewals would set off more), a POST without a session', async () => {
    await serve(true);
    for (const overlapped of [() => heldRenewal(() => renewal()), async (): Promise<HeldWrite> => ({ done: save(false), open: () => {} })]) {
      cache.clear();
      const render = gate();
      holdRenewal = null;
      const { reading } = await renderHeld(render);
      const { done, open } = await overlapped();
      render.open();
      await reading;
      open();
      await done;
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(renewals).toEqual([]);
  });

  it('is left alone when no save overlapped it: rendered with none under way, or after one was done', async () => {
    await serve(true);
    expect(await read()).toBe('version 1'); // rendered and stored, no save anywhere
    await save();
    expect(await read()).toBe('version 2'); // rendered after the save was done
    expect(await read()).toBe('version 2'); // from the cache
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(renewals).toEqual([]);
  });
});

describe("a page rendered across another process's write", () => {
  /** That write (an import from the command line): the edge never sees it, only the version watch does. */
  const writeElsewhere = () => void version++;
  /** The version watch's renewal of every page, as the server runs it: watched as a save (`asSave`), or not. */
  const renewEverything = (watched: boolean) => (watched ? watch.asSave(async () => void (await renewal())) : renewal());

  /** A render that reads the archive, waits while another process writes and every page is renewed, then ends: it stores version 1. */
  async function renderAcrossForeignWrite(watched: boolean) {
    await serve(true);
    const render = gate();
    const { reading } = await renderHeld(render);
    writeElsewhere();
    await renewEverything(watched);
    render.open();
    expect(await reading).toBe('version 1');
  }

  it('is stored as it was read when the renewal is not watched (the race itself)', async () => {
    await renderAcrossForeignWrite(false);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await read()).toBe('version 1');
    expect(renewals).toEqual([]);
  });

  it('is renewed once the watched renewal of every page is done, and shows the write within a second', async () => {
    await renderAcrossForeignWrite(true);
    await shownSoon('version 2');
    expect(renewals).toEqual([[READER]]);
  });

  it('is renewed when the render ends while the renewal of every page is under way', async () => {
    await renderEndsDuringWrite(() => {
      writeElsewhere();
      return heldRenewal(() => renewEverything(true));
    });
  });

  it('is left alone when it began after the renewal was done', async () => {
    await serve(true);
    writeElsewhere();
    await renewEverything(true);
    expect(await read()).toBe('version 2');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(renewals).toEqual([]);
  });
});
