// Gives a page served from the cache a fresh nonce: the server's page nonce (lib/cache/page-nonce.ts),
// which Next put on every script it wrote when it rendered the page, is replaced in the CSP header
// and in the body by a nonce made for this response. Only responses whose CSP names the page nonce
// (proxy.ts sends it for cached pages) are touched. The two are the same length, so the body keeps
// its length and is rewritten as it streams; an occurrence split between two writes is held back
// (only as many bytes as could begin one) until the next write completes it.
import 'server-only';
import type { OutgoingHttpHeaders, ServerResponse } from 'node:http';

/** What a page with a per-response nonce must never be: stored by a shared cache, or revalidated to a body with another nonce. */
export const PER_RESPONSE_CACHE_CONTROL = 'private, no-cache, no-store, max-age=0, must-revalidate';

type WriteCallback = (error?: Error | null) => void;

export function rewritePageNonce(response: ServerResponse, placeholder: string, fresh: () => string): void {
  const from = Buffer.from(placeholder);
  let to: Buffer | null = null;
  let decided = false;
  let carry = Buffer.alloc(0);
  const { writeHead, write, end } = response;

  /** On the first header write: is this a response to rewrite? Fixes its headers if so. */
  const decide = (headers?: OutgoingHttpHeaders) => {
    if (decided) return;
    decided = true;
    const listed = headers && Object.keys(headers).find((name) => name.toLowerCase() === 'content-security-policy');
    const policy = String((listed ? headers[listed] : response.getHeader('content-security-policy')) ?? '');
    if (!policy.includes(placeholder)) return;
    const nonce = fresh();
    if (nonce.length !== placeholder.length) throw new Error('A page nonce and its replacement must be the same length.');
    to = Buffer.from(nonce);
    const rewritten = policy.split(placeholder).join(nonce);
    if (listed) headers[listed] = rewritten;
    response.setHeader('Content-Security-Policy', rewritten);
    for (const name of Object.keys(headers ?? {})) if (/^(etag|cache-control)$/i.test(name)) delete headers![name];
    response.removeHeader('ETag');
    response.setHeader('Cache-Control', PER_RESPONSE_CACHE_CONTROL);
  };

  /** The bytes ready to send, with every whole occurrence replaced; a possible start of one is kept back unless `last`. */
  const transform = (chunk: Buffer, last: boolean): Buffer => {
    const data = Buffer.concat([carry, chunk]);
    for (let at = data.indexOf(from); at !== -1; at = data.indexOf(from, at + from.length)) to!.copy(data, at);
    let keep = 0;
    if (!last) {
      for (let k = Math.min(from.length - 1, data.length); k > 0; k--) {
        if (data.subarray(data.length - k).equals(from.subarray(0, k))) {
          keep = k;
          break;
        }
      }
    }
    carry = Buffer.from(data.subarray(data.length - keep));
    return data.subarray(0, data.length - keep);
  };

  const toBuffer = (chunk: unknown, encoding?: unknown): Buffer =>
    Buffer.isBuffer(chunk)
      ? chunk
      : chunk instanceof Uint8Array
        ? Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)
        : Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8');

  response.writeHead = function (this: ServerResponse, ...args: unknown[]) {
    const headers = args.find((arg, i) => i > 0 && arg && typeof arg === 'object' && !Array.isArray(arg)) as OutgoingHttpHeaders | undefined;
    decide(headers);
    return (writeHead as (...a: unknown[]) => ServerResponse).apply(this, args);
  } as ServerResponse['writeHead'];

  response.write = function (this: ServerResponse, chunk: unknown, encoding?: unknown, callback?: unknown) {
    if (!response.headersSent) decide();
    const done = (typeof encoding === 'function' ? encoding : callback) as WriteCallback | undefined;
    if (!to) return (write as (...a: unknown[]) => boolean).call(this, chunk, encoding, callback);
    return (write as (...a: unknown[]) => boolean).call(this, transform(toBuffer(chunk, encoding), false), done);
  } as ServerResponse['write'];

  response.end = function (this: ServerResponse, chunk?: unknown, encoding?: unknown, callback?: unknown) {
    if (!response.headersSent) decide();
    if (!to) return (end as (...a: unknown[]) => ServerResponse).call(this, chunk, encoding, callback);
    const done = [chunk, encoding, callback].find((arg) => typeof arg === 'function') as (() => void) | undefined;
    const body = chunk === undefined || chunk === null || typeof chunk === 'function' ? Buffer.alloc(0) : toBuffer(chunk, encoding);
    return (end as (...a: unknown[]) => ServerResponse).call(this, transform(body, true), done);
  } as ServerResponse['end'];
}
