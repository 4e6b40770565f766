// Which cached pages a committed write renews. Pure, so it is tested without Next.
//
// Next tags every cached page with its own path and with the route patterns above it (its
// "implicit tags"), and revalidatePath() expires by those tags. The editorial layer already knows
// the exact public paths each change shows on (EditResult.paths, lib/editorial/paths.ts: the reader,
// the passage pages that changed, the speakers' and topics' pages, the lists); a path is a page's
// own tag. Two renewals go wider than one page:
//  - every passage page, when a document that readers can see changed: "More like this" on any
//    passage page may show its passages, and an unpublished or deleted document must leave at once;
//  - everything (the root layout), when the write does not say what it touched, or came from
//    another process (a CLI import, a restore; lib/cache/archive-version.ts).

export interface Renewal {
  /** A public path, or a route pattern (with its route groups) when `type` is given. */
  path: string;
  type?: 'page' | 'layout';
}

/** Every page under the root layout: all cached pages at once. */
export const EVERYTHING: readonly Renewal[] = [{ path: '/', type: 'layout' }];

/** The route of passage pages, as Next names it in its implicit tags (route group included). */
export const EVERY_PASSAGE_PAGE: Renewal = { path: '/(public)/documents/[slug]/passages/[anchor]', type: 'page' };

/** The renewals for a write that touched these public paths. */
export function renewalsFor(paths: readonly string[]): Renewal[] {
  const renewals: Renewal[] = [...new Set(paths)].sort().map((path) => ({ path }));
  if (paths.some((path) => path.startsWith('/documents/'))) renewals.push(EVERY_PASSAGE_PAGE);
  return renewals;
}

/**
 * The public paths a write's result names: an EditResult (`paths`), or a change wrapping one
 * (`edit.paths`). Null when it names none: the caller renews everything rather than guess.
 */
export function pathsOfWrite(result: unknown): string[] | null {
  const direct = pathList(result);
  if (direct) return direct;
  if (result && typeof result === 'object' && 'edit' in result) return pathList((result as { edit: unknown }).edit);
  return null;
}

function pathList(value: unknown): string[] | null {
  if (!value || typeof value !== 'object' || !('paths' in value)) return null;
  const paths = (value as { paths: unknown }).paths;
  return Array.isArray(paths) && paths.every((p) => typeof p === 'string') ? paths : null;
}
