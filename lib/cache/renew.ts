// Renews the cached public pages after a committed write (lib/editorial/history.ts runWrite), or all
// of them (the request edge's renewal route, when another process wrote).
import 'server-only';
import { EVERYTHING, pathsOfWrite, renewalsFor, type Renewal } from './renewals';

type RevalidatePath = typeof import('next/cache').revalidatePath;

/**
 * Next's revalidatePath, loaded only inside Next's server, which puts AsyncLocalStorage on
 * globalThis first. Loaded earlier in the same process (`npm start` seeds before it starts Next),
 * next/cache would make Next's request storage a stand-in that fails every request.
 */
function nextRevalidatePath(): RevalidatePath | null {
  if (typeof (globalThis as { AsyncLocalStorage?: unknown }).AsyncLocalStorage !== 'function') return null;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded lazily on purpose (above)
  return (require('next/cache') as typeof import('next/cache')).revalidatePath;
}

/** The message of the error revalidatePath throws outside a request: a script, the seed, a test. */
const OUTSIDE_NEXT = 'static generation store missing';

/**
 * Expires the pages at once (not stale-while-revalidate): the next reader gets the page as saved,
 * an unpublished document's pages are gone. Outside a Next request (the seed, `npm run import`,
 * Vitest) there is no page cache in this process to renew: nothing to do, nothing thrown. The
 * running server learns of such writes from the archive version (archive-version.ts).
 */
export function renew(renewals: readonly Renewal[]): void {
  const revalidatePath = renewals.length > 0 ? nextRevalidatePath() : null;
  if (!revalidatePath) return;
  for (const { path, type } of renewals) {
    try {
      revalidatePath(path, type);
    } catch (error) {
      if (error instanceof Error && error.message.includes(OUTSIDE_NEXT)) return;
      // A write during a render (a history page recording an entry's baseline) changes nothing public.
      // The save itself is committed: a renewal that cannot run must not turn it into an error.
      console.warn(`Cache renewal of ${path} skipped: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
      return;
    }
  }
}

/** After a commit: the pages the write names, or all of them when it names none. */
export function renewAfterWrite(result: unknown): void {
  const paths = pathsOfWrite(result);
  renew(paths === null ? EVERYTHING : renewalsFor(paths));
}

export function renewEverything(): void {
  renew(EVERYTHING);
}
