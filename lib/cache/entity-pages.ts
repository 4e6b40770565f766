// The cached pages of one entry (a document, a passage, a speaker, a topic), found in a request's
// path as Next's router will match it. Pure: the request edge (lib/server/page-gate.ts) asks it
// before any such request reaches Next, and tests ask it without a server.
//
// Why the edge must ask: Next keeps in its page cache whatever the route renders for a parameter,
// a 404 included, as files named after the address. Left alone, every made-up slug would be one more
// file on disk, for ever (and a long one a 500: ENAMETOOLONG). So only entries that exist reach
// these routes; for anything else the edge answers the 404 page rendered per request.

/** The routes with a parameter whose pages the cache keeps (app/(public)/…). */
export type EntityPage =
  | { kind: 'document'; slug: string }
  | { kind: 'passage'; slug: string; anchor: number | null }
  | { kind: 'speaker'; slug: string }
  | { kind: 'topic'; slug: string };

export interface EntityPageMatch {
  page: EntityPage;
  /** The one spelling of this address (each segment decoded, then encoded as a browser does; the anchor as plain digits). */
  canonical: string;
}

/** Each segment decoded; null when one is not valid percent-encoding (the edge answers those first). */
function decodedSegments(path: string): string[] | null {
  try {
    return path.split('/').map((segment) => decodeURIComponent(segment));
  } catch {
    return null;
  }
}

/** Plain digits of an anchor, at most nine of them (lib/validation/params.ts): otherwise no passage. */
function anchorOf(segment: string): number | null {
  return /^\d{1,9}$/.test(segment) && Number(segment) > 0 ? Number(segment) : null;
}

/**
 * The entry page a path reaches, or null when it reaches none (any other page, route or file).
 * `literalRoutes`: the app's routes without parameters (Next's routes manifest): a literal route
 * beside a parameter (`/documents/_filtered`, or a file such as `/topics/feed.xml` added later) wins
 * in Next's router, so it is never taken for an entry.
 */
export function entityPageOf(pathname: string, literalRoutes: ReadonlySet<string> = new Set()): EntityPageMatch | null {
  const segments = decodedSegments(pathname);
  if (!segments || segments[0] !== '') return null;
  const [, section, slug, sub, anchor] = segments;
  const shape = segments.length;
  let page: EntityPage | null = null;
  if (shape === 3 && slug !== '' && (section === 'documents' || section === 'speakers' || section === 'topics')) {
    page = section === 'documents' ? { kind: 'document', slug } : section === 'speakers' ? { kind: 'speaker', slug } : { kind: 'topic', slug };
  } else if (shape === 5 && section === 'documents' && slug !== '' && sub === 'passages' && anchor !== '') {
    page = { kind: 'passage', slug, anchor: anchorOf(anchor) };
  }
  if (!page) return null;
  const canonicalSegments = segments.map((segment, i) => (page.kind === 'passage' && i === 4 && page.anchor !== null ? String(page.anchor) : segment));
  const decodedPath = segments.join('/');
  if (literalRoutes.has(decodedPath)) return null;
  // As a browser sends it: unreserved characters as they are, everything else escaped, hex upper-case.
  return { page, canonical: canonicalSegments.map((segment) => encodeURIComponent(segment)).join('/') };
}
