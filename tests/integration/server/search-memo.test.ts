// The edge's memory of search API answers (lib/server/search-memo.ts), over real HTTP through the
// request edge, with the change stamp of the app's own reader on this file's archive. The handler
// stands in for Next's search route: it records every request it is given and answers with the
// archive's text as it is now, read through the same reader. Commits are real saves through the
// editorial layer: an answer asked again comes from memory until a commit. SQLite only: PostgreSQL's
// reader has no change stamp (tests/integration/data/search-freshness.test.ts), and a memo without
// one keeps nothing (the last test).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Editor } from '@/lib/auth/editor';
import { databaseTarget } from '@/lib/db';
import { reader } from '@/lib/db/client';
import { updatePassage } from '@/lib/editorial';
import { env } from '@/lib/env';
import { embedPending } from '@/lib/search/vectors/embed-pending';
import { createSearchMemo, SEARCH_API_PATH, type SearchMemo } from '@/lib/server/search-memo';
import { serveEdge, type EdgeServer } from '@/tests/support/edge-server';

const editor: Editor = { id: 'u-ada', name: 'Ada Editor', email: 'ada@example.org', role: 'editor' };
const INTERVIEW = 1; // the seeded interview: anchors 1-6
const SEARCH = `${SEARCH_API_PATH}?q=summit`;

/** Requests the stand-in route was given, in order. */
let reached: string[] = [];
/** A search the stand-in holds back, after reading the archive, until the test lets it go. */
let holdNextSearch: Promise<void> | null = null;
let status = 200;

async function firstQuestion(): Promise<string> {
  const [row] = await reader().$queryRaw<{ text: string }[]>`SELECT text FROM "Passage" WHERE "documentId" = ${INTERVIEW} AND anchor = 1`;
  return row!.text;
}

async function searchRoute(request: IncomingMessage, response: ServerResponse) {
  reached.push(`${request.method} ${request.url}`);
  const text = await firstQuestion(); // the archive read first, the answer sent perhaps later
  const held = holdNextSearch;
  holdNextSearch = null;
  if (held) await held;
  const body = JSON.stringify({ url: request.url, text });
  response.statusCode = status;
  response.setHeader('Content-Type', 'application/json');
  response.setHeader('ETag', `"${Buffer.from(body).toString('base64url').slice(0, 16)}"`);
  response.end(body);
}

let version = 1;
/** Rewrites the interview's first question through the write path, and waits for the embedder's own commit. */
async function rewriteQuestion(text: string) {
  await updatePassage(editor, { documentId: INTERVIEW, expectedVersion: version, anchor: 1, text });
  version++;
  await embedPending(databaseTarget(env.DATABASE_URL));
}

/** The request edge with `memo`, in front of the stand-in route, on a port of its own. */
const serve = (memo: SearchMemo) => serveEdge({ handle: searchRoute, searchMemo: memo });

let memo: SearchMemo;
let served: EdgeServer;
let base: string;

beforeAll(async () => {
  memo = createSearchMemo({ changeStamp: () => reader().changeStamp() });
  served = await serve(memo);
  base = served.base;
  await embedPending(databaseTarget(env.DATABASE_URL)); // the seed's vectors: their commit lands before the tests
});
afterAll(async () => {
  await served.close();
  reader().close();
});
beforeEach(async () => {
  status = 200;
  await rewriteQuestion(`What came of the summit, asked for the ${version}th time?`); // a fresh stamp: nothing kept
  reached = [];
});

const get = async (path: string, headers: Record<string, string> = {}, at = base) => {
  const response = await fetch(`${at}${path}`, { headers });
  return { status: response.status, headers: response.headers, body: await response.text() };
};

describe('the search memo', () => {
  it('sends an answer asked again from memory, with its headers and a request id of its own', async () => {
    const first = await get(SEARCH);
    const again = await get(SEARCH);
    expect(reached).toEqual([`GET ${SEARCH}`]);
    expect(again.body).toBe(first.body);
    expect(again.headers.get('etag')).toBe(first.headers.get('etag'));
    expect(again.headers.get('content-type')).toBe('application/json');
    expect(Number(again.headers.get('content-length'))).toBe(Buffer.byteLength(first.body));
    expect(again.headers.get('x-request-id')).not.toBe(first.headers.get('x-request-id'));
    expect(memo.size).toBe(1);
  });

  it('asks the route again after a commit, and sends the archive as saved', async () => {
    await get(SEARCH);
    await rewriteQuestion('What came of the summit in Singapore?');
    const after = await get(SEARCH);
    expect(reached).toHaveLength(2);
    expect(JSON.parse(after.body).text).toBe('What came of the summit in Singapore?');
    await get(SEARCH);
    expect(reached).toHaveLength(2); // kept again, under the new stamp
  });

  it('never keeps an answer during which a commit landed, even after a later request kept the new one', async () => {
    let release!: () => void;
    holdNextSearch = new Promise<void>((resolve) => (release = resolve));
    const slow = get(SEARCH); // reads the archive, then waits
    await expect.poll(() => reached.length).toBe(1);
    await rewriteQuestion('What came of the summit in Hanoi?');
    const fresh = await get(SEARCH); // asked after the save: answered anew, and kept
    expect(JSON.parse(fresh.body).text).toBe('What came of the summit in Hanoi?');
    release();
    expect(JSON.parse((await slow).body).text).not.toBe('What came of the summit in Hanoi?'); // read before the save
    const next = await get(SEARCH);
    expect(reached).toHaveLength(2);
    expect(JSON.parse(next.body).text).toBe('What came of the summit in Hanoi?');
  });

  it('keeps addresses and encodings apart, and leaves conditional requests, HEAD and other paths to the route', async () => {
    await get(SEARCH);
    await get(`${SEARCH}&page=2`);
    await get(SEARCH, { 'accept-encoding': 'gzip' });
    await get(SEARCH, { 'if-none-match': '"x"' });
    await fetch(`${base}${SEARCH}`, { method: 'HEAD' });
    await get('/api/v1/documents');
    await get('/api/v1/documents');
    expect(reached).toHaveLength(7);
    await get(SEARCH);
    await get(`${SEARCH}&page=2`);
    await get(SEARCH, { 'accept-encoding': 'gzip' });
    expect(reached).toHaveLength(7);
  });

  it('keeps only 200 answers', async () => {
    status = 503;
    await get(SEARCH);
    await get(SEARCH);
    expect(reached).toHaveLength(2);
  });

  it('keeps nothing without a change stamp, as on PostgreSQL', async () => {
    const stampless = createSearchMemo({ changeStamp: () => null });
    const other = await serve(stampless);
    try {
      await get(SEARCH, {}, other.base);
      const again = await get(SEARCH, {}, other.base);
      expect(reached).toHaveLength(2);
      expect(JSON.parse(again.body).url).toBe(SEARCH);
      expect(stampless.size).toBe(0);
    } finally {
      await other.close();
    }
  });
});
