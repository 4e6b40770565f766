// The search API answered by the request edge itself, with the route's own handler
// (lib/api/search-endpoint.ts) and without Next's routing. Under load on two cores, Next's handling of
// the route kept two thirds of the main thread busy (about 3 ms a request: its router, proxy.ts,
// turning the answer's web stream into the response), more than the search itself on its search
// thread (bench/results/direct-search-api/).
//
// Only plain GETs of /api/v1/search come here, and only while searches run on search threads
// (`ready`): the edge's copy of the search modules (tsx's, beside Next's bundle) then never searches
// on the main thread, where it would load a sentence encoder and vector index of its own (~250 MB and
// ~100 MiB). Otherwise (PostgreSQL, SEARCH_THREADS=0, before the first thread is ready), and for HEAD,
// OPTIONS and every other path, Next answers, with the same handler.
//
// What Next and proxy.ts add to the route's answer is added here: the Content-Security-Policy with a
// fresh nonce (proxy.ts), compression as the client accepts it and `Vary: Accept-Encoding`. The
// compression is the `compression` middleware's current release; Next's server wraps an older copy of
// it, which speaks gzip and deflate only, and compresses every body it streams. So two differences
// remain, neither in the answer itself: a client that accepts brotli gets brotli here, and a body under
// 1 KB (a 400, say) is sent whole with its Content-Length rather than compressed and chunked. The edge
// has set the security headers and the request id already; the rate limits and the search memo ran
// before.
import 'server-only';
import type { IncomingMessage, ServerResponse } from 'node:http';
import compression from 'compression';
import { contentSecurityPolicy, makeNonce, type ResponseContext } from '@/lib/security/headers';
import { originForm } from './request-target';

export type FetchHandler = (request: Request) => Response | Promise<Response>;

export interface DirectRoute {
  /** Whether the edge answers now; when not, the request goes to Next. */
  ready(): boolean;
  /** Sends the handler's answer to a Node request. */
  answer(request: IncomingMessage, response: ServerResponse, context: ResponseContext): Promise<void>;
}

export function createDirectRoute(handler: FetchHandler, ready: () => boolean): DirectRoute {
  const compress = compression();
  return {
    ready,
    async answer(request, response, context) {
      const answer = await handler(webRequest(request));
      const body = answer.body === null ? null : Buffer.from(await answer.arrayBuffer());
      // A client that left during the search: nothing to send, and no compression stream to open
      // for a socket that is gone (it would wait for a drain that never comes).
      if (response.destroyed) return;
      // The middleware wraps the response's writes (and calls back at once); it is typed for
      // Express, and reads only Node's parts.
      const [expressRequest, expressResponse] = [request, response] as unknown as Parameters<typeof compress>;
      await new Promise<void>((resolve, reject) => compress(expressRequest, expressResponse, (error?: unknown) => (error ? reject(error) : resolve())));
      response.statusCode = answer.status;
      for (const [name, value] of answer.headers) response.setHeader(name, value);
      response.setHeader('Content-Security-Policy', contentSecurityPolicy(makeNonce(), context));
      if (body !== null) response.setHeader('Content-Length', body.length);
      response.end(body);
    },
  };
}

/**
 * The Web request a route handler reads: the target's path and query, and the request's headers. The
 * origin is a fixed one: the handler reads only the path and query (its links are made on SITE_URL,
 * lib/site-origin.ts), and a Host header, or the host of an absolute-form target, is the client's to
 * garble.
 */
function webRequest(request: IncomingMessage): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(request.headers)) {
    if (value === undefined) continue;
    headers.set(name, Array.isArray(value) ? value.join(', ') : value);
  }
  return new Request(new URL(originForm(request.url), 'http://localhost'), { method: request.method, headers });
}
