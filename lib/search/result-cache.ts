// Answers kept for searches asked again, for as long as the archive has not changed since.
//
// Readers ask the same things (a name, a place, the query a link carries); a search at 100,000
// passages costs 20-60 ms of CPU, and on two cores ten readers at once queue behind one another.
// The answer to a request the process has already answered comes from here instead, unchanged.
//
// Never stale: an answer is kept with the reader's change stamp (SQLite's `data_version`) read before
// the search ran, and served only while the stamp is the same. Any commit by another connection moves
// it: an editor's save, an import, the embedder filling in a passage's vector. An answer whose search
// overlapped such a commit is not kept. Where the engine has no such stamp (PostgreSQL, where another
// server may write) nothing is kept and every search runs.
import 'server-only';
import { LRUCache } from 'lru-cache';
import type { SearchRequest, SearchResponse } from './types';

export interface StampedDb {
  /** Moves whenever another connection commits; null where there is no such signal (no caching). */
  changeStamp(): number | null;
}

/** A connection's change stamp, or null where it has none (what is kept from it then is never known to be current). */
export const changeStampOf = (db: object): number | null => {
  const changeStamp = (db as Partial<StampedDb>).changeStamp;
  return typeof changeStamp === 'function' ? changeStamp.call(db) : null;
};

export interface ResultCacheOptions {
  /** At most this many answers (the oldest unused dropped first). */
  maxEntries?: number;
  /** At most about this many bytes of answers, as JSON text. */
  maxBytes?: number;
}

/**
 * What is kept: the search's answer (a page renders it), or the search API's JSON text of it
 * (lib/data/search-answer.ts), which is its own size and needs no freezing.
 */
type Kept = SearchResponse | string;

export interface ResultCache<Answer extends Kept = SearchResponse> {
  /** `run(request)`'s answer, from the cache when the same request was answered since the last change. */
  answer(db: StampedDb, request: SearchRequest, run: (request: SearchRequest) => Promise<Answer>): Promise<Answer>;
  /** How many answers were served from the cache, and how many searches ran (for tests and logs). */
  readonly stats: { hits: number; runs: number };
}

/** A request's key: every field that is set, in a fixed order, so that equal requests meet. */
export const requestKey = (request: SearchRequest): string =>
  JSON.stringify(
    Object.entries(request)
      .filter(([, value]) => value !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : 1)),
  );

export function createResultCache<Answer extends Kept = SearchResponse>({
  maxEntries = 1_000,
  maxBytes = 32 * 1024 * 1024,
}: ResultCacheOptions = {}): ResultCache<Answer> {
  const kept = new LRUCache<string, Answer>({
    max: maxEntries,
    maxSize: maxBytes,
    // UTF-16 code units of the JSON: about the bytes it holds, within a factor the bound allows for.
    sizeCalculation: (answer) => Math.max(1, (typeof answer === 'string' ? answer : JSON.stringify(answer)).length),
  });
  // Searches under way, so that readers asking the same thing at once wait for one search.
  const underWay = new Map<string, Promise<Answer>>();
  let keptAt: number | null = null;
  const stats = { hits: 0, runs: 0 };

  return {
    stats,
    async answer(db, request, run) {
      const stamp = db.changeStamp();
      if (stamp === null) {
        stats.runs++;
        return run(request);
      }
      if (stamp !== keptAt) {
        kept.clear();
        underWay.clear();
        keptAt = stamp;
      }
      const key = requestKey(request);
      const hit = kept.get(key) ?? underWay.get(key);
      if (hit) {
        stats.hits++;
        return hit;
      }
      stats.runs++;
      const search = run(request).then((response) => {
        // Kept under the stamp it started from. A commit while it ran moves the stamp, so the next ask
        // empties the cache, this answer with it; and once a later ask has seen that commit, an answer
        // that may have read before it is not added.
        if (keptAt === stamp) kept.set(key, deepFreeze(response));
        return response;
      });
      underWay.set(key, search);
      // Settled either way, it is no longer under way; a failed search is not kept and runs again.
      search.then(
        () => underWay.get(key) === search && underWay.delete(key),
        () => underWay.get(key) === search && underWay.delete(key),
      );
      return search;
    },
  };
}

/** An answer given to many readers must not be changed by any of them. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
