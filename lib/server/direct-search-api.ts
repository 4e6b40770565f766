// The search API answered by the request edge itself, with the route's own handler
// (lib/api/search-endpoint.ts) and without Next's routing. Under load on two cores, Next's handling of
// the route took two thirds of the main thread (about 3 ms a request: its router, proxy.ts, turning
// the answer's web stream into the response), more than the search itself on its search thread: the
// API's throughput was set by the framework, not the search (bench/results/direct-search-api/).
//
// Only plain GETs of /api/v1/search come here; HEAD, OPTIONS and every other path stay Next's. What
// Next and proxy.ts add to the route's answer is added here the same way, so a client cannot tell the
// two apart: the Content-Security-Policy with a fresh nonce (proxy.ts), compression as the client
// accepts it (the `compression` middleware Next's server uses too, here its current release, which
// also speaks brotli) and `Vary: Accept-Encoding`. The edge has set the security headers and the
// request id already; the rate limits and the search memo ran before.
import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import compression from 'compression';
import { contentSecurityPolicy, makeNonce, type ResponseContext } from '@/lib/security/headers';

export type FetchHandler = (request: Request) => Response | Promise<Response>;

/** Sends `handler`'s answer to a Node request: the edge's way to call a route handler directly. */
export type DirectRoute = (request: IncomingMessage, response: ServerResponse, context: ResponseContext) => Promise<void>;

export function createDirectRoute(handler: FetchHandler): DirectRoute {
  const compress = compression();
  return async (request, response, context) => {
    const answer = await handler(webRequest(request));
    // The middleware wraps the response's writes; it is typed for Express, and reads only Node's parts.
    const [expressRequest, expressResponse] = [request, response] as unknown as Parameters<typeof compress>;
    await new Promise<void>((resolve, reject) => compress(expressRequest, expressResponse, (error?: unknown) => (error ? reject(error) : resolve())));
    const body = answer.body === null ? null : Buffer.from(await answer.arrayBuffer());
    response.statusCode = answer.status;
    for (const [name, value] of answer.headers) response.setHeader(name, value);
    response.setHeader('Content-Security-Policy', contentSecurityPolicy(makeNonce(), context));
    if (body !== null) response.setHeader('Content-Length', body.length);
    response.end(body);
  };
}

/**
 * The Web request a route handler reads: the target's path and query, and the request's headers. The
 * origin is a fixed one: the handler reads only the path and query (its links are made on SITE_URL,
 * lib/site-origin.ts), and a Host header is the client's to garble.
 */
function webRequest(request: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  const url = new URL(request.url ?? '/', 'http://localhost');
  return new Request(url, { method: request.method, headers });
}
