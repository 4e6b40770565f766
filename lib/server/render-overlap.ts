// Renews a cached page that Next rendered across a write. Next stores a page it rendered with the time
// the render ended, and a renewal (revalidatePath) expires only what was stored before it: a render
// that read the archive before a save, and was stored after the save renewed that page, is kept as
// fresh, and readers get the page as it was before the save until the next write renews it again.
// The edge sees both sides: every request that may write, and every render of a cached page (Next's
// answer says `x-nextjs-cache: MISS` or `STALE`). A render under way when a write finished, or that
// finished while a write was under way, may hold what the write changed: its page is renewed again once
// the write is done (`renew`: the loopback call to the renewal route, lib/server/cache-renewal.ts).
// A render that began after the write was done read the write, and is left alone.
import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { servedFromCache } from '@/lib/cache/public-pages';

/**
 * After a render's response is done, Next may still be storing the page it rendered: the renewal
 * waits this long so that it comes after the store, which it must expire.
 */
export const AFTER_STORE_MS = 100;

export interface RenderOverlapOptions {
  /** Renews these public paths (each page itself); a failure is the caller's to report. */
  renew: (paths: string[]) => void;
  afterStoreMs?: number;
}

export interface RenderOverlapWatch {
  /** Watches one request through the edge (`path` and `query`: its target's). */
  watch(request: IncomingMessage, response: ServerResponse, path: string, query: URLSearchParams): void;
}

const isRead = (method: string | undefined) => method === 'GET' || method === 'HEAD';
const rendered = (response: ServerResponse) => /^(MISS|STALE)$/i.test(String(response.getHeader('x-nextjs-cache') ?? ''));

export function createRenderOverlapWatch(options: RenderOverlapOptions): RenderOverlapWatch {
  const delay = options.afterStoreMs ?? AFTER_STORE_MS;
  let writesUnderWay = 0;
  /** Moves each time a write is done. */
  let writesDone = 0;
  /** Pages rendered while a write was under way: renewed when it is done. */
  const suspect = new Set<string>();

  const renewLater = (paths: string[]) => {
    const timer = setTimeout(() => options.renew(paths), delay);
    timer.unref();
  };

  return {
    watch(request, response, path, query) {
      if (!isRead(request.method)) {
        writesUnderWay++;
        // Done or cut off: either way the write may have happened.
        response.once('close', () => {
          writesUnderWay--;
          writesDone++;
          if (suspect.size === 0) return;
          renewLater([...suspect]);
          suspect.clear();
        });
        return;
      }
      if (!servedFromCache(path, query)) return;
      const doneBefore = writesDone;
      response.once('finish', () => {
        if (!rendered(response)) return;
        if (writesDone !== doneBefore) renewLater([path]);
        else if (writesUnderWay > 0) suspect.add(path);
      });
    },
  };
}
