// Which requests the page cache serves, and where a request that must be rendered for itself goes.
// Pure: proxy.ts (before Next's cache) and the request edge (lib/server) ask the same questions.
//
// The public pages are kept whole in Next's page cache and renewed when an editor saves
// (lib/cache/renew.ts). Two of them also answer queries that are the reader's own: the reader's
// search within a document (`/documents/<slug>?q=…`) and the filtered list (`/documents?topic=…`).
// Those are rewritten to twins rendered per request, so that the plain page never reads its query
// string (reading it would make Next render the page for every request).

/** Where the twins live: `_` cannot begin a slug, so neither address can ever be a document's. */
export const FILTERED_DOCUMENTS_PATH = '/documents/_filtered';
export const IN_DOCUMENT_SEARCH_SEGMENT = '_within';

/** The list's filters (lib/validation/document-filters.ts): any of them makes the list the reader's own. */
const LIST_PARAMETERS = ['speaker', 'topic', 'kind', 'from', 'to', 'sort', 'page', 'pageSize'];

/** Paths under these are rendered per request, with a nonce of their own, and never cached. */
const DYNAMIC_PREFIXES = ['/search', '/admin', '/sign-in', '/api', '/_archive'];

const SLUG = '[a-z0-9]+(?:-[a-z0-9]+)*';
/** The public pages the cache keeps (app/(public)/ less search). */
const CACHED_PAGES = [
  /^\/$/,
  /^\/documents$/,
  new RegExp(`^/documents/${SLUG}$`),
  new RegExp(`^/documents/${SLUG}/passages/[^/]+$`),
  /^\/speakers$/,
  new RegExp(`^/speakers/${SLUG}$`),
  /^\/topics$/,
  new RegExp(`^/topics/${SLUG}$`),
  /^\/timeline$/,
];

function underPrefix(pathname: string, prefix: string): boolean {
  return pathname === prefix || pathname.startsWith(`${prefix}/`);
}

/** Whether the page at this path comes from the page cache (its query string aside). */
export function isCachedPagePath(pathname: string): boolean {
  if (DYNAMIC_PREFIXES.some((prefix) => underPrefix(pathname, prefix))) return false;
  return CACHED_PAGES.some((pattern) => pattern.test(pathname));
}

/**
 * The twin a request must be rendered by instead of the cached page, or null. `/documents?topic=x`
 * → `/documents/_filtered?topic=x`; `/documents/<slug>?q=x` → `/documents/<slug>/_within?q=x`.
 * Other parameters (utm_source, Next's own _rsc) leave the request on the cached page.
 */
export function dynamicTwin(pathname: string, params: URLSearchParams): string | null {
  if (pathname === '/documents' && LIST_PARAMETERS.some((name) => params.has(name))) return FILTERED_DOCUMENTS_PATH;
  if (params.has('q') && new RegExp(`^/documents/${SLUG}$`).test(pathname)) return `${pathname}/${IN_DOCUMENT_SEARCH_SEGMENT}`;
  return null;
}

/** Whether a request is answered by a cached page: a cached path, and no query that needs a twin. */
export function servedFromCache(pathname: string, params: URLSearchParams): boolean {
  return isCachedPagePath(pathname) && dynamicTwin(pathname, params) === null;
}
