// Keeps the server's page nonce (lib/cache/page-nonce.ts) from ever leaving the server. Next put it on
// every script of a page it rendered for the cache. On the way out:
// - a response whose CSP names the page nonce (proxy.ts sends it for cached pages) gets a nonce made
//   for it, in the header and in the body;
// - any other response whose body holds the page nonce (a cached page reached by a spelling of its
//   address that proxy.ts did not recognise, say `%2D` for `-`) gets the nonce of its own CSP header
//   in the body, so its scripts run under the policy it was sent with; without a nonce in the header,
//   a fresh one, which matches nothing.
// A nonce and its replacement are the same length, so the body keeps its length and is rewritten as
// it streams; an occurrence split between two writes is held back (only as many bytes as could begin
// one) until the next write completes it.
import 'server-only';
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** What a page with a per-response nonce must never be: stored by a shared cache, or revalidated to a body with another nonce. */
export const PER_RESPONSE_CACHE_CONTROL = 'private, no-cache, no-store, max-age=0, must-revalidate';

type WriteCallback = (error?: Error | null) => void;

/** The nonce a policy gives scripts, if any. */
function policyNonce(policy: string): string | undefined {
  return /'nonce-([^']+)'/.exec(policy)?.[1];
}

/** A page's HTML or its RSC payload: the bodies that carry nonces (feeds, JSON, files do not). */
const PAGE_CONTENT = /^text\/(html|x-component)\b/i;

function headerOf(response: ServerResponse, headers: OutgoingHttpHeaders | undefined, name: string): { listed?: string; value: string } {
  const listed = headers && Object.keys(headers).find((key) => key.toLowerCase() === name);
  return { listed, value: String((listed ? headers[listed] : response.getHeader(name)) ?? '') };
}

/** A chunk given to `write` or `end` (a Buffer, another byte array, or a string in `encoding`) as a Buffer over the same bytes. */
export const toBuffer = (chunk: unknown, encoding?: unknown): Buffer =>
  Buffer.isBuffer(chunk)
    ? chunk
    : chunk instanceof Uint8Array
      ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
      : Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');

export function rewritePageNonce(response: ServerResponse, placeholder: string, fresh: () => string): void {
  const from = Buffer.from(placeholder);
  let to: Buffer = from;
  let decided = false;
  let carry = Buffer.alloc(0);
  const { writeHead, write, end } = response;

  /** On the first header write: the nonce the body gets, and the headers a per-response nonce needs. */
  const decide = (headers?: OutgoingHttpHeaders) => {
    if (decided) return;
    decided = true;
    const { listed, value: policy } = headerOf(response, headers, 'content-security-policy');
    let nonce = policyNonce(policy);
    const cachedPage = policy.includes(placeholder);
    if (cachedPage) {
      nonce = fresh();
      const rewritten = policy.split(placeholder).join(nonce);
      if (listed) headers![listed] = rewritten;
      response.setHeader('Content-Security-Policy', rewritten);
    }
    if (!nonce || nonce.length !== placeholder.length) nonce = fresh();
    if (nonce.length !== placeholder.length) throw new Error('A page nonce and its replacement must be the same length.');
    to = Buffer.from(nonce);
    // A page whose CSP carries a nonce is good for this response only: never stored by a shared cache,
    // never revalidated (a 304 would pair this header's nonce with a body kept from another response).
    const type = headerOf(response, headers, 'content-type').value;
    if (cachedPage || (policyNonce(policy) && PAGE_CONTENT.test(type))) {
      for (const name of Object.keys(headers ?? {})) if (/^(etag|cache-control)$/i.test(name)) delete headers![name];
      response.removeHeader('ETag');
      response.setHeader('Cache-Control', PER_RESPONSE_CACHE_CONTROL);
    }
  };

  /** The bytes ready to send, with every whole occurrence replaced; a possible start of one is kept back unless `last`. */
  const transform = (chunk: Buffer, last: boolean): Buffer => {
    decide();
    // Most bodies (every script file, most pages' later chunks) hold no nonce: sent as they are, uncopied.
    if (carry.length === 0 && chunk.indexOf(from) === -1 && (last || partialEnd(chunk) === 0)) return chunk;
    // A copy: the chunk may be a buffer its owner keeps (a file cache) and must not be changed.
    const data = Buffer.concat([carry, chunk]);
    for (let at = data.indexOf(from); at !== -1; at = data.indexOf(from, at + from.length)) to.copy(data, at);
    const keep = last ? 0 : partialEnd(data);
    carry = Buffer.from(data.subarray(data.length - keep));
    return data.subarray(0, data.length - keep);
  };

  /** How many bytes at the end of `data` could begin an occurrence completed by the next write. */
  const partialEnd = (data: Buffer): number => {
    for (let k = Math.min(from.length - 1, data.length); k > 0; k--) {
      if (data.subarray(data.length - k).equals(from.subarray(0, k))) return k;
    }
    return 0;
  };

  response.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const headers = args.find((arg, i) => i > 0 && arg && typeof arg === 'object' && !Array.isArray(arg)) as OutgoingHttpHeaders | undefined;
    decide(headers);
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse['writeHead'];

  response.write = function (this: ServerResponse, chunk: unknown, encoding?: unknown, callback?: unknown) {
    if (!response.headersSent) decide();
    const done = (typeof encoding === 'function' ? encoding : callback) as WriteCallback | undefined;
    return (write as (...a: unknown[]) => boolean).call(this, transform(toBuffer(chunk, encoding), false), done);
  } as ServerResponse['write'];

  response.end = function (this: ServerResponse, chunk?: unknown, encoding?: unknown, callback?: unknown) {
    if (!response.headersSent) decide();
    const done = [chunk, encoding, callback].find((arg) => typeof arg === 'function') as (() => void) | undefined;
    const body = chunk === undefined || chunk === null || typeof chunk === 'function' ? Buffer.alloc(0) : toBuffer(chunk, encoding);
    return (end as (...a: unknown[]) => ServerResponse).call(this, transform(body, true), done);
  } as ServerResponse['end'];
}
