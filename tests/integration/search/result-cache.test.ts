// The search answers kept for requests asked again (lib/search/result-cache.ts), on the app's own
// SQLite reader over a seeded copy, with real searches and real commits through the editorial layer.
// PostgreSQL keeps nothing (no change stamp); tests/integration/data/search-freshness.test.ts shows
// on both engines that a save is searchable at once through the app's search.
import { afterAll, describe, expect, it } from 'vitest';
import { searchAnswerJson } from '@/lib/data/search-answer';
import type { Editor } from '@/lib/auth/editor';
import { databaseFilePath } from '@/lib/db';
import { reader } from '@/lib/db/client';
import { updatePassage } from '@/lib/editorial';
import { createResultCache, requestKey } from '@/lib/search/result-cache';
import { searchPassages } from '@/lib/search/search-passages';
import { embedPending } from '@/lib/search/vectors/embed-pending';
import type { SearchRequest, SearchResponse } from '@/lib/search/types';

const editor: Editor = { id: 'u-ada', name: 'Ada Editor', email: 'ada@example.org', role: 'editor' };
const INTERVIEW = 1; // the seeded interview: anchors 1-6
const ask = (q: string, more: Partial<SearchRequest> = {}): SearchRequest => ({ q, page: 1, pageSize: 10, ...more });

/** A cache over the app's reader, and the searches it actually ran. */
function cacheUnderTest(options?: Parameters<typeof createResultCache>[0]) {
  const cache = createResultCache(options);
  const ran: string[] = [];
  const run = (request: SearchRequest) => {
    ran.push(request.q);
    return searchPassages(reader(), request);
  };
  return { cache, ran, answer: (request: SearchRequest, runWith = run) => cache.answer(reader(), request, runWith) };
}

let version = 1;
/**
 * Rewrites the interview's first question through the real write path: a commit on the writer's
 * connection. The save also starts embedding the new text, which commits again; that is awaited, so
 * that no commit lands later and empties the cache by itself, behind the test's back.
 */
async function rewriteQuestion(text: string) {
  await updatePassage(editor, { documentId: INTERVIEW, expectedVersion: version, anchor: 1, text });
  version++;
  await embedPending(databaseFilePath(process.env.DATABASE_URL!));
}

afterAll(() => reader().close());

describe('the search result cache', () => {
  it('answers a request asked again from memory, with the same answer', async () => {
    const { answer, ran, cache } = cacheUnderTest();
    const first = await answer(ask('smuggling'));
    const again = await answer(ask('smuggling'));
    expect(first.total).toBeGreaterThan(0);
    expect(again).toEqual(first);
    expect(ran).toEqual(['smuggling']);
    expect(cache.stats).toEqual({ hits: 1, runs: 1 });
  });

  it("keeps the search API's JSON text as it keeps answers, whole", async () => {
    const cache = createResultCache<string>();
    let runs = 0;
    const run = async (request: SearchRequest) => {
      runs++;
      return searchAnswerJson(await searchPassages(reader(), request));
    };
    const first = await cache.answer(reader(), ask('smuggling'), run);
    expect(JSON.parse(first).total).toBeGreaterThan(0);
    expect(await cache.answer(reader(), ask('smuggling'), run)).toBe(first);
    expect(runs).toBe(1);
    expect(cache.stats).toEqual({ hits: 1, runs: 1 });
  });

  it('tells apart every part of a request: page, page size, filters, mode, document', async () => {
    const { answer, ran } = cacheUnderTest();
    const variants = [
      ask('korea'),
      ask('korea', { page: 2 }),
      ask('korea', { pageSize: 5 }),
      ask('korea', { speaker: 'seongmin-lee' }),
      ask('korea', { mode: 'lexical' }),
      ask('korea', { document: 'how-to-really-bring-change-to-north-korea' }),
    ];
    for (const request of variants) await answer(request);
    expect(ran).toHaveLength(variants.length);
    // The same fields in another order are the same request.
    await answer({ speaker: 'seongmin-lee', pageSize: 10, page: 1, q: 'korea' });
    expect(ran).toHaveLength(variants.length);
    expect(requestKey({ q: 'a', page: 1, pageSize: 10, speaker: undefined })).toBe(requestKey({ pageSize: 10, q: 'a', page: 1 }));
  });

  it("forgets everything when another connection commits: an editor's save is found by the next search", async () => {
    const { answer, ran } = cacheUnderTest();
    expect((await answer(ask('quokka'))).total).toBe(0);
    await rewriteQuestion('What did the quokka in the border town see?');
    const after = await answer(ask('quokka'));
    expect(after.total).toBe(1);
    expect(after.hits[0]!.anchor).toBe(1);
    expect(ran).toEqual(['quokka', 'quokka']);
    // And unchanged since, it is kept again.
    await answer(ask('quokka'));
    expect(ran).toHaveLength(2);
  });

  it('does not keep an answer whose search overlapped a commit, even after a later search saw the commit', async () => {
    const { answer, ran, cache } = cacheUnderTest();
    // The search reads, then a save lands, and another reader's search runs after it, all before the
    // first answer is ready: that answer may mix before and after, and must not be kept.
    const overlapping = async (request: SearchRequest) => {
      const response = await searchPassages(reader(), request);
      await rewriteQuestion('What did the axolotl see?');
      await answer(ask('escape'));
      return response;
    };
    const stale = await answer(ask('axolotl'), overlapping);
    expect(stale.total).toBe(0);
    const fresh = await answer(ask('axolotl'));
    expect(fresh.total).toBe(1);
    expect(ran).toEqual(['escape', 'axolotl']);
    expect(cache.stats.hits).toBe(0);
  });

  it('runs one search for readers asking the same thing at once', async () => {
    const { answer, ran } = cacheUnderTest();
    const answers = await Promise.all(Array.from({ length: 5 }, () => answer(ask('china border'))));
    expect(ran).toEqual(['china border']);
    for (const a of answers) expect(a).toBe(answers[0]);
  });

  it('does not keep a failed search: the next ask runs it again', async () => {
    const { answer, ran } = cacheUnderTest();
    const failing = () => Promise.reject(new Error('the database went away'));
    await expect(answer(ask('sanctions'), failing)).rejects.toThrow('the database went away');
    expect((await answer(ask('sanctions'))).total).toBeGreaterThan(0);
    expect(ran).toEqual(['sanctions']);
  });

  it('keeps at most the answers it is allowed, dropping the least recently used', async () => {
    const { answer, ran } = cacheUnderTest({ maxEntries: 2 });
    for (const q of ['china', 'sanctions', 'china', 'escape', 'china', 'sanctions']) await answer(ask(q));
    // 'sanctions' was dropped when 'escape' came in ('china' had just been used), so it ran twice.
    expect(ran).toEqual(['china', 'sanctions', 'escape', 'sanctions']);
  });

  it('gives an answer no reader can change for the next', async () => {
    const { answer } = cacheUnderTest();
    const response = await answer(ask('smuggling'));
    expect(() => (response.hits as SearchResponse['hits'][number][]).pop()).toThrow(TypeError);
    expect(() => {
      (response.hits[0] as { score: number }).score = 0;
    }).toThrow(TypeError);
    expect((await answer(ask('smuggling'))).hits).toHaveLength(response.hits.length);
  });
});
