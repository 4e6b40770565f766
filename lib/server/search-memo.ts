// The edge's memory of search API answers: the bytes GET /api/v1/search last sent for an address,
// sent again without asking the route's handler while the archive has not changed. The search's JSON
// text is already kept (lib/search/result-cache.ts); what this spares is the handler's work around it
// (the query's parsing, the web Request and Response, the ETag's hash, compression), and when the edge
// does not answer the API itself (direct-search-api.ts), Next's handling of the route, about 4 ms a
// request.
//
// Never stale: an answer is kept with the archive's change stamp (SQLite's PRAGMA data_version on the
// edge's own reader connection, which moves with every commit of any other connection: a save, an
// import, the embedder) read before the route was asked, and only when the stamp is still the same
// once the answer is done; it is sent again only while the stamp is unchanged. Without a stamp (PostgreSQL,
// where nothing cheap tells of another server's commit) nothing is kept.
//
// Only whole 200 answers to plain GETs: a conditional request (If-None-Match: the handler answers 304
// from the ETag) or a range goes on to the route. The answer is kept per Accept-Encoding, as it was
// compressed for that header. The rate limits run before the memo, as for every request.
import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { LRUCache } from 'lru-cache';
import { captureAnswer, replayAnswer, type CapturedAnswer } from './response-capture';

export const SEARCH_API_PATH = '/api/v1/search';
/** Bounds on the memory it takes (an answer is 3–12 KB; a page of 50 hits with long passages more). */
const MAX_ENTRIES = 2_000;
const MAX_BYTES = 32 * 1024 * 1024;
const MAX_ANSWER_BYTES = 1024 * 1024;

export interface SearchMemoOptions {
  /** The archive's change stamp now, or null when there is none (then nothing is kept). */
  changeStamp: () => number | null;
}

export interface SearchMemo {
  /** Answers the request from memory (true), or arranges for the route's answer to be kept (false: pass it on). */
  answer(request: IncomingMessage, response: ServerResponse, path: string): boolean;
  /** How many answers are kept now. */
  readonly size: number;
}

/** Request headers that make an answer other than the whole 200 kept for the address. */
const ASKS_FOR_OTHER_ANSWER = ['if-none-match', 'if-modified-since', 'range', 'if-range'];

export function createSearchMemo(options: SearchMemoOptions): SearchMemo {
  const kept = new LRUCache<string, CapturedAnswer>({ max: MAX_ENTRIES, maxSize: MAX_BYTES, sizeCalculation: (answer) => answer.body.length + 1 });
  /** The stamp the kept answers were made under. */
  let keptUnder: number | null = null;

  return {
    answer(request, response, path) {
      if (request.method !== 'GET' || path !== SEARCH_API_PATH) return false;
      if (ASKS_FOR_OTHER_ANSWER.some((name) => request.headers[name] !== undefined)) return false;
      const stamp = options.changeStamp();
      if (stamp === null) return false;
      if (stamp !== keptUnder) {
        kept.clear();
        keptUnder = stamp;
      }
      const key = `${request.url ?? path}\n${request.headers['accept-encoding'] ?? ''}`;
      const answer = kept.get(key);
      if (answer) {
        replayAnswer(response, answer);
        return true;
      }
      captureAnswer(response, MAX_ANSWER_BYTES, (done) => {
        // A commit while the route answered: the answer may hold the archive before it. Not kept.
        if (done.status !== 200 || done.headers['set-cookie'] !== undefined || options.changeStamp() !== stamp || keptUnder !== stamp) return;
        kept.set(key, done);
      });
      return false;
    },
    get size() {
      return kept.size;
    },
  };
}
