// The edge's memory of cached pages: the bytes Next's page cache last sent for a public page, kept
// for a second and sent again without asking Next. Next's page cache answers a hit at about half
// the rate it serves a static file of the same size (its router, the proxy, the cache lookup, the
// page gate's database read: bench:http); from memory a page costs what a file does.
//
// Never older than Next's own cache, except by at most MAX_AGE_MS:
// - every request that may write (any method but GET and HEAD: server actions, the API, the renewal
//   route another process's write triggers) empties the memo when its response is done. Next renews
//   the pages a write touched before that response leaves (lib/cache/renew.ts), so a page read after
//   a save returned is the saved page;
// - a page whose request began before such a response was done is not kept: it may have been read
//   from the cache before the renewal;
// - only Next's cache hits are kept (`x-nextjs-cache: HIT`): 200, HTML, rendered with the server's
//   page nonce (lib/cache/page-nonce.ts), no cookie set. They are sent through the same nonce rewrite
//   as Next's own answer (nonce-rewrite.ts): each reader still gets a nonce of their own.
// - requests that ask for something else than the whole page (a client navigation's RSC payload, a
//   prefetch, a range) always go to Next.
import 'server-only';
import type { IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { servedFromCache } from '@/lib/cache/public-pages';
import { captureAnswer, replayAnswer, type CapturedAnswer } from './response-capture';
import { isReadMethod } from './request-target';

/** How long a kept page is sent again: the most it may lag behind Next's cache, whatever happens. */
export const MAX_AGE_MS = 1_000;
/** Bounds on the memory it takes (a reader's page is 30–100 KB; a long interview's reader more). */
const MAX_ENTRIES = 500;
const MAX_BYTES = 64 * 1024 * 1024;
export const MAX_PAGE_BYTES = 4 * 1024 * 1024;

interface KeptPage extends CapturedAnswer {
  keptAt: number;
}

export interface PageMemoOptions {
  /** The nonce cached pages are rendered with: only pages carrying it are kept. */
  pageNonce: string;
  maxAgeMs?: number;
  now?: () => number;
}

export interface PageMemo {
  /**
   * Answers the request from memory (true), or arranges for Next's answer to be kept when it is a
   * kept kind of page (false: pass the request on). `path` and `query` are the request target's.
   */
  answer(request: IncomingMessage, response: ServerResponse, path: string, query: URLSearchParams): boolean;
  /** How many pages are kept now (for tests and the health of the memo). */
  readonly size: number;
}

/** A request for the whole page as a browser loads it, which is the same for every reader. */
function asksForWholePage(request: IncomingMessage): boolean {
  if (request.method !== 'GET') return false;
  for (const name of Object.keys(request.headers)) {
    // Next's client navigations and prefetches (rsc, next-router-*, next-url) and partial reads.
    if (name === 'rsc' || name.startsWith('next-') || name === 'range' || name === 'if-range') return false;
  }
  return true;
}

export function createPageMemo(options: PageMemoOptions): PageMemo {
  const maxAge = options.maxAgeMs ?? MAX_AGE_MS;
  const now = options.now ?? Date.now;
  const kept = new Map<string, KeptPage>();
  let keptBytes = 0;
  /** Moves when a request that may write is done: pages read before it may be older than the cache. */
  let generation = 0;

  const drop = (key: string) => {
    const page = kept.get(key);
    if (!page) return;
    keptBytes -= page.body.length;
    kept.delete(key);
  };
  const forgetAll = () => {
    generation++;
    kept.clear();
    keptBytes = 0;
  };
  const keep = (key: string, page: KeptPage) => {
    drop(key);
    kept.set(key, page);
    keptBytes += page.body.length;
    // Oldest first: a Map iterates in insertion order.
    for (const oldest of kept.keys()) {
      if (kept.size <= MAX_ENTRIES && keptBytes <= MAX_BYTES) break;
      drop(oldest);
    }
  };

  /** Keeps Next's answer when it is a kept kind of page and nothing wrote meanwhile. */
  const capture = (key: string, response: ServerResponse) => {
    const startedIn = generation;
    captureAnswer(response, MAX_PAGE_BYTES, (answer) => {
      if (generation !== startedIn || answer.status !== 200 || !isKeptKind(answer.headers, options.pageNonce)) return;
      keep(key, { ...answer, keptAt: now() });
    });
  };

  return {
    answer(request, response, path, query) {
      if (!isReadMethod(request.method)) {
        // Done or cut off: either way the write may have happened.
        response.once('close', forgetAll);
        return false;
      }
      if (!asksForWholePage(request) || !servedFromCache(path, query)) return false;
      const key = request.url ?? path;
      const page = kept.get(key);
      if (page && now() - page.keptAt < maxAge) {
        replayAnswer(response, page);
        return true;
      }
      if (page) drop(key);
      capture(key, response);
      return false;
    },
    get size() {
      return kept.size;
    },
  };
}

/** A page from Next's cache, the same for every reader, that the nonce rewrite can make each reader's own. */
function isKeptKind(headers: OutgoingHttpHeaders, pageNonce: string): boolean {
  const text = (name: string) => String(headers[name] ?? '');
  return (
    text('x-nextjs-cache') === 'HIT' &&
    /^text\/html\b/i.test(text('content-type')) &&
    headers['set-cookie'] === undefined &&
    headers['content-encoding'] === undefined &&
    text('content-security-policy').includes(`'nonce-${pageNonce}'`)
  );
}
