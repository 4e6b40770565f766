// Searches on threads of their own (lib/search/thread): on the seeded archive, a thread gives exactly
// the answers the main thread gives, for every kind of query (meaning-based ones with the real sentence
// encoder, loaded on the thread); a failed search fails as it would have here; and no search is lost
// or kept waiting when a thread is not ready, cannot start, or is stopped while it searches.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { freshQueries } from '@/bench/http/fresh-queries';
import { searchAnswerJson } from '@/lib/data/search-answer';
import { openReader, type Reader } from '@/lib/db';
import { searchPassages } from '@/lib/search/search-passages';
import { searchThreadCount, startSearchThreads, type SearchThreads } from '@/lib/search/thread/search-threads';
import type { SearchRequest } from '@/lib/search/types';
import { copyTemplate } from '@/tests/support/per-file-database';

let file: string;
let db: Reader;
const started: SearchThreads[] = [];

beforeAll(() => {
  file = copyTemplate('seededTemplate');
  db = openReader(file);
});
afterAll(async () => {
  await Promise.all(started.map((threads) => threads.close()));
  db.close();
});

/** Threads on the test's archive (or `entry`'s stand-in threads), closed after the file's tests; `warn` collects what they say. */
function start(count: number, on = () => file, entry?: string) {
  const warnings: string[] = [];
  const threads = startSearchThreads({ file: on(), count, warn: (message) => warnings.push(message), ...(entry ? { entry: () => entry } : {}) });
  started.push(threads);
  return { threads, warnings };
}

/** A stand-in thread's entry, removed after the test: ready at once, and `onMessage` (its source) for each search. */
function standInThread(onMessage: string): string {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'search-thread-'));
  onTestFinished(() => rmSync(folder, { recursive: true, force: true }));
  const entry = path.join(folder, 'thread.mjs');
  writeFileSync(
    entry,
    `import { parentPort } from 'node:worker_threads';\nparentPort.on('message', ${onMessage});\nparentPort.postMessage({ ready: true });\n`,
  );
  return entry;
}

const ready = (threads: SearchThreads, count: number) => vi.waitFor(() => expect(threads.ready).toBe(count), { timeout: 30_000, interval: 20 });
const here = (request: SearchRequest) => () => searchPassages(db, request);
const notHere = () => Promise.reject(new Error('searched on the main thread'));

describe('search threads', () => {
  it('answer exactly as the main thread does, for every kind of query, filter, page and mode', async () => {
    const { threads, warnings } = start(2);
    await ready(threads, 2);
    const typed = freshQueries(file, 60).map((q): SearchRequest => ({ q, page: 1, pageSize: 10 }));
    const requests: SearchRequest[] = [
      ...typed,
      { q: 'who can bring change to North Korea', page: 1, pageSize: 10 },
      { q: 'freedom', page: 1, pageSize: 10, mode: 'vector' },
      { q: 'korea', page: 2, pageSize: 3, mode: 'lexical' },
      { q: 'korea', page: 1, pageSize: 10, speaker: 'seongmin-lee', from: '2016', to: '2018' },
      { q: 'regime -china', page: 1, pageSize: 10, kind: 'answer' },
      { q: '-korea', page: 1, pageSize: 10 },
      { q: 'pangolin', page: 1, pageSize: 10 },
    ];
    expect(typed.length).toBeGreaterThan(40);
    const onThreads = await Promise.all(requests.map((request) => threads.search(request, notHere)));
    const asJson = await Promise.all(requests.map((request) => threads.searchJson(request, notHere)));
    for (const [i, request] of requests.entries()) {
      const here = await searchPassages(db, request);
      expect(onThreads[i], request.q).toEqual(here);
      // The API's text made on the thread, byte for byte the text the handler makes of the same answer.
      expect(asJson[i], request.q).toBe(searchAnswerJson(here));
    }
    // The seeded archive's answers are not all empty: hits, meaning and a message all crossed over.
    expect(onThreads.filter((answer) => answer.hits.length > 0).length).toBeGreaterThan(40);
    const byMeaning = onThreads[requests.findIndex((request) => request.mode === 'vector')]!;
    expect(byMeaning.matchedBy).toBe('meaning');
    expect(byMeaning.hits.length).toBeGreaterThan(0);
    expect(onThreads.at(-2)!.message).toMatch(/Add a word/);
    expect(warnings).toEqual([]);
  }, 120_000);

  it('fail a search that fails with the error the main thread would have thrown', async () => {
    const { threads } = start(1);
    await ready(threads, 1);
    // A speaker that is not a slug: no request the API's schema lets through fails like this.
    const broken = { q: 'korea', page: 1, pageSize: 10, speaker: {} } as unknown as SearchRequest;
    const mainThreadError = await searchPassages(db, broken).then(
      () => null,
      (error: Error) => error.message,
    );
    expect(mainThreadError).toEqual(expect.any(String));
    await expect(threads.search(broken, notHere)).rejects.toThrow(mainThreadError!);
    await expect(threads.searchJson(broken, notHere)).rejects.toThrow(mainThreadError!);
    // The thread goes on answering.
    expect((await threads.search({ q: 'korea', page: 1, pageSize: 10 }, notHere)).total).toBeGreaterThan(0);
  });

  it('search on the main thread until a thread is ready', async () => {
    const { threads } = start(1);
    expect(threads.ready).toBe(0);
    const request: SearchRequest = { q: 'defector', page: 1, pageSize: 10 };
    const main = vi.fn(here(request));
    expect(await threads.search(request, main)).toEqual(await searchPassages(db, request));
    expect(main).toHaveBeenCalledOnce();
  });

  it('search on the main thread, and say why, when a thread cannot open the archive', async () => {
    const missing = path.join(path.dirname(file), 'no-such-archive.db');
    const { threads, warnings } = start(1, () => missing);
    await vi.waitFor(() => expect(warnings).toEqual([expect.stringMatching(/^A search thread did not start \(.+\); searches run on the main thread\.$/)]), {
      timeout: 30_000,
    });
    expect(threads.ready).toBe(0);
    const request: SearchRequest = { q: 'korea', page: 1, pageSize: 10 };
    expect((await threads.search(request, here(request))).total).toBeGreaterThan(0);
  });

  it.each([
    ['cannot be found', () => path.join(path.dirname(file), 'no-such-entry.mjs')],
    [
      'is missing beside the sources',
      () => {
        throw new Error("The search thread's entry is missing");
      },
    ],
  ])('search on the main thread, and say why, when the entry %s', async (_, entry) => {
    const warnings: string[] = [];
    const threads = startSearchThreads({ file, count: 1, warn: (message) => warnings.push(message), entry });
    started.push(threads);
    await vi.waitFor(() => expect(warnings).toEqual([expect.stringMatching(/^A search thread did not start \(.+\); searches run on the main thread\.$/)]), {
      timeout: 30_000,
    });
    const request: SearchRequest = { q: 'korea', page: 1, pageSize: 10 };
    expect(await threads.search(request, here(request))).toEqual(await searchPassages(db, request));
    expect(threads.ready).toBe(0);
  });

  it('start a thread that stops again, five times at most, each search it took answered on the main thread', async () => {
    // A thread that is ready at once and stops on its first search, before answering it.
    const { threads, warnings } = start(1, () => file, standInThread('() => process.exit(3)'));
    const request: SearchRequest = { q: 'korea', page: 1, pageSize: 10 };
    const expected = await searchPassages(db, request);
    for (let stop = 1; stop <= 6; stop++) {
      await ready(threads, 1);
      const main = vi.fn(here(request));
      expect(await threads.search(request, main)).toEqual(expected);
      expect(main).toHaveBeenCalledOnce();
      await vi.waitFor(() => expect(warnings).toHaveLength(stop));
    }
    expect(warnings.slice(0, 5)).toEqual(Array(5).fill('A search thread stopped (exit code 3); starting another.'));
    expect(warnings[5]).toBe('A search thread stopped (exit code 3) after 5 restarts; searches run on the main thread.');
    expect(threads.ready).toBe(0);
    const main = vi.fn(here(request));
    expect(await threads.search(request, main)).toEqual(expected);
    expect(main).toHaveBeenCalledOnce();
  });

  it('refuse an answer in another form than asked for: no object goes out as the API’s text', async () => {
    // A thread running other code: it answers every search with an object, whatever form was asked.
    const { threads } = start(1, () => file, standInThread('({ id }) => parentPort.postMessage({ id, response: { total: 0, hits: [] } })'));
    await ready(threads, 1);
    const request: SearchRequest = { q: 'korea', page: 1, pageSize: 10 };
    await expect(threads.searchJson(request, notHere)).rejects.toThrow('The search thread answered in another form than the json asked for.');
    // The form asked for is taken.
    expect(await threads.search(request, notHere)).toEqual({ total: 0, hits: [] });
  });

  it('finish on the main thread the searches a stopped thread had not answered', async () => {
    const { threads, warnings } = start(1);
    await ready(threads, 1);
    // Thirty: too many for the thread to answer between the posts and the stop, however the machine is loaded.
    const requests = freshQueries(file, 30).map((q): SearchRequest => ({ q, page: 1, pageSize: 10 }));
    expect(requests).toHaveLength(30);
    const main = requests.map((request) => vi.fn(here(request)));
    const answers = requests.map((request, i) => threads.search(request, main[i]!));
    await threads.close();
    const answered = await Promise.all(answers);
    for (const [i, request] of requests.entries()) expect(answered[i]).toEqual(await searchPassages(db, request));
    // Stopped at once, the thread left some (all, or all but those it had answered) to the main thread.
    expect(main.filter((fn) => fn.mock.calls.length > 0).length).toBeGreaterThan(0);
    expect(threads.ready).toBe(0);
    expect(warnings).toEqual([]);
  });
});

describe('how many search threads', () => {
  it('is one fewer than the cores by default, at least one and at most four; the setting wins', () => {
    expect([1, 2, 3, 4, 8, 64].map((cores) => searchThreadCount(undefined, cores))).toEqual([1, 1, 2, 3, 4, 4]);
    expect(searchThreadCount(0, 8)).toBe(0);
    expect(searchThreadCount(6, 2)).toBe(6);
  });
});
