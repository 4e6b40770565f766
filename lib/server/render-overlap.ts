// Renews a cached page that Next rendered across a save. Next stores a page it rendered with the time
// it stored it, and a renewal (revalidatePath) expires only what was stored before it: a render that
// read the archive before a save, and was stored after the save renewed that page, is kept as fresh,
// and readers get the page as it was before the save until the next save renews it again.
//
// The edge sees both sides: every save (a request that may write: not GET or HEAD, with a session, as
// every editorial write has; not the renewal call itself, which writes nothing and whose own
// renewals would otherwise set off more), and every render of a cached page (Next's answer says
// `x-nextjs-cache: MISS`). A render under way when a save was done, or that ended while one was under
// way, may hold what the save changed: its page is renewed again once the save is done (`renew`: the
// loopback call to the renewal route, lib/server/cache-renewal.ts). A render that began after the save
// was done read it, and is left alone.
//
// Next stores a rendered page before it sends it (its response cache awaits the store, then answers),
// so when the response is done the page is stored, and a renewal then expires it. Only MISS: the
// renewals expire pages at once (lib/cache/renew.ts), so Next never answers STALE, a page it would
// render in the background after answering. A save cut off by its client counts as done when the
// connection closes, which may be before its commit: a render ending in between is not renewed.
//
// Another process's write (an import from the command line) never passes the edge: the server finds
// it by the archive's version, within a quarter second, and renews every cached page
// (lib/server/cache-renewal.ts). A render that read the archive before that write and is stored after
// the renewal would be kept as fresh just the same, so the renewal is watched as a save (`asSave`): a
// render that ends while it runs, or that was under way when it was done, is renewed again once it is
// done. (Renders begun after the write and before the renewal are renewed too, needlessly: the write's
// moment is known only to within a quarter second.)
import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { servedFromCache } from '@/lib/cache/public-pages';
import { hasSessionCookie } from './body-limit';
import { isRenewalRequest } from './cache-renewal';
import { isReadMethod } from './request-target';

/** The most paths one renewal call carries (the renewal route takes no more); more are sent in several. */
export const MOST_PATHS_A_RENEWAL = 500;

export interface RenderOverlapOptions {
  /** Renews these public paths (each page itself); a failure is the caller's to report. */
  renew: (paths: string[]) => void;
}

export interface RenderOverlapWatch {
  /** Watches one request through the edge (`path` and `query`: its target's). */
  watch(request: IncomingMessage, response: ServerResponse, path: string, query: URLSearchParams): void;
  /** Runs `renewal`, the renewal of every page after a write the edge did not see, as a save. */
  asSave(renewal: () => Promise<void>): Promise<void>;
}

/** A request that may save something a public page shows. */
const maySave = (request: IncomingMessage) =>
  !isReadMethod(request.method) && !isRenewalRequest(request.method, request.url) && hasSessionCookie(request.headers.cookie);

const rendered = (response: ServerResponse) => String(response.getHeader('x-nextjs-cache') ?? '').toUpperCase() === 'MISS';

export function createRenderOverlapWatch(options: RenderOverlapOptions): RenderOverlapWatch {
  let savesUnderWay = 0;
  /** Moves each time a save is done. */
  let savesDone = 0;
  /** Pages rendered while a save was under way: renewed when it is done. */
  const renderedDuringSave = new Set<string>();

  const renew = (paths: string[]) => {
    for (let at = 0; at < paths.length; at += MOST_PATHS_A_RENEWAL) options.renew(paths.slice(at, at + MOST_PATHS_A_RENEWAL));
  };

  /** A save begins; the function returned says it is done, and renews the pages rendered meanwhile. */
  const saveBegins = () => {
    savesUnderWay++;
    return () => {
      savesUnderWay--;
      savesDone++;
      if (renderedDuringSave.size === 0) return;
      renew([...renderedDuringSave]);
      renderedDuringSave.clear();
    };
  };

  return {
    async asSave(renewal) {
      const done = saveBegins();
      try {
        await renewal();
      } finally {
        done();
      }
    },
    watch(request, response, path, query) {
      if (maySave(request)) {
        // Done or cut off: either way the save may have happened.
        response.once('close', saveBegins());
        return;
      }
      if (!isReadMethod(request.method) || !servedFromCache(path, query)) return;
      const doneBefore = savesDone;
      response.once('finish', () => {
        if (!rendered(response)) return;
        if (savesDone !== doneBefore) renew([path]);
        else if (savesUnderWay > 0) renderedDuringSave.add(path);
      });
    },
  };
}
