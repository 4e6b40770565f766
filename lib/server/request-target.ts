// Reading the request line's target before Next does: its path, and whether that path is valid
// percent-encoding at all (Next's router answers `/documents/%` with a 500).
import 'server-only';

/**
 * The longest request target (path and query) read, as nginx's default buffers allow: a longer one is
 * a 414 before Next sees it (edge.ts). Next would answer a dot segment ("/api/v1/topics/%2e?…") with a
 * redirect repeating the whole query, headers a client may refuse to read.
 */
export const MAX_REQUEST_TARGET = 8_192;

/** Whether a request only reads (GET or HEAD): any other method may write. */
export const isReadMethod = (method: string | undefined): boolean => method === 'GET' || method === 'HEAD';

/** A request target in origin form: an absolute-form target (`http://host/x?q`) loses its origin, whatever its host holds. */
export function originForm(url: string | undefined): string {
  const target = (url ?? '/').replace(/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i, '');
  return target.startsWith('/') ? target : `/${target}`;
}

/** The path of a request target, without the query; absolute-form targets (`http://host/x`) lose their origin. */
export function targetPath(url: string | undefined): string {
  const target = originForm(url);
  const end = target.search(/[?#]/);
  return end === -1 ? target : target.slice(0, end);
}

/** A lone or short `%`, `%zz`, or escapes that decode to no UTF-8 text (`%ED%A0%80` is half a surrogate pair). */
export function hasBrokenPercentEncoding(path: string): boolean {
  try {
    decodeURIComponent(path);
    return false;
  } catch {
    return true;
  }
}

/** The read API and the rest of /api answer in JSON; everything else is a page. */
export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/**
 * Addresses for machines that are not pages nor under /api: the OAI-PMH repository. They read no
 * cookie and write nothing, answer in XML, and are counted against the API's rate limit.
 */
export function isHarvestPath(path: string): boolean {
  return path === '/oai';
}
