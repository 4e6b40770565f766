// The request edge: what the custom server does to every request before Next.js sees it, and the
// log line after. Each step is its own module; this one only puts them in order.
//
// 1. an id for the request (X-Request-Id), the client's address through TRUSTED_PROXIES, and
//    request headers a client must not set (the app's internal ones; forwarding headers from a
//    peer that is not a trusted proxy) removed;
// 2. security headers on every response, static files included; a page from the cache gets a fresh
//    nonce in place of the one it was rendered with (nonce-rewrite.ts);
// 3. a path that is not valid percent-encoding: 400 for the API, the app's 404 page otherwise;
// 4. a POST to a page (a server action) from another site: 403; one larger than Next reads: 413;
// 5. search and the API over their per-address limit: 429 with Retry-After;
// 6. a cached page Next sent less than a second ago and nothing wrote since: sent again from memory
//    (page-memo.ts), which also forgets every page when a request that may write is done;
// 7. the existence gate (page-gate.ts): the page of an entry that does not exist is the 404 page
//    rendered per request, never a file in Next's page cache; another spelling of an entry's address
//    is redirected to its own;
// 8. Next.js; a GET of the search API is answered with the route's own handler, without Next's
//    routing (direct-search-api.ts).
import 'server-only';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CLIENT_ADDRESS_HEADER, PATH_HEADER, REQUEST_ID_HEADER } from '@/lib/auth/proxy-headers';
import { servedFromCache } from '@/lib/cache/public-pages';
import { isHttps, makeNonce, securityHeaders } from '@/lib/security/headers';
import { accessLogLine } from './access-log';
import { isForeignPagePost } from './action-origin';
import { rewritePageNonce } from './nonce-rewrite';
import { hasSessionCookie, isOversizedPagePost, pagePostLimit } from './body-limit';
import { resolveClientAddress } from './client-address';
import { errorLogLine } from './error-log';
import { sendBadPath, sendForeignOrigin, sendInternalError, sendRateLimited, sendRedirect, sendTooLarge, sendTooLong } from './edge-responses';
import type { RateLimitOutcome, RequestFacts } from './rate-limits';
import { hasBrokenPercentEncoding, isApiPath, isHarvestPath, MAX_REQUEST_TARGET, targetPath } from './request-target';
import type { AddressMatcher } from './trusted-proxies';
import type { PageGate } from './page-gate';
import type { PageMemo } from './page-memo';
import type { RenderOverlapWatch } from './render-overlap';
import { SEARCH_API_PATH, type SearchMemo } from './search-memo';
import type { DirectRoute } from './direct-search-api';

export interface EdgeOptions {
  /** Next's request handler. */
  handle: (request: IncomingMessage, response: ServerResponse) => Promise<unknown>;
  trustedProxies: AddressMatcher;
  rateLimit: (request: RequestFacts) => Promise<RateLimitOutcome>;
  siteUrl?: string;
  production: boolean;
  /** Where the JSON lines go: standard output in `npm start`. */
  log: (line: string) => void;
  /** The nonce cached pages are rendered with (lib/cache/page-nonce.ts), replaced in each response. */
  pageNonce?: string;
  /** Whether an entry's page may reach Next's page cache (page-gate.ts); without one, every request passes. */
  pageGate?: PageGate;
  /** Cached pages Next sent a moment ago, sent again from memory (page-memo.ts); without one, Next answers every request. */
  pageMemo?: PageMemo;
  /** Renews a page Next rendered across a write (render-overlap.ts); without one, such a page stays as it was read. */
  renderOverlap?: RenderOverlapWatch;
  /** Search API answers sent again while the archive has not changed (search-memo.ts); without one, Next answers every search. */
  searchMemo?: SearchMemo;
  /** GET /api/v1/search answered without Next's routing while it is ready (direct-search-api.ts); without one, Next answers it. */
  searchApi?: DirectRoute;
}

/** No route matches it: a page address with broken encoding is answered by the app's own 404 page from here. */
export const NOWHERE = '/_archive/no-such-address';

/** Headers only this server (or proxy.ts) may set. x-middleware-subrequest is the header of CVE-2025-29927. */
const INTERNAL_HEADERS = [CLIENT_ADDRESS_HEADER, REQUEST_ID_HEADER, PATH_HEADER, 'x-middleware-subrequest', 'content-security-policy', 'x-nonce'];
/** Believed only from a trusted proxy; from anyone else Next fills in its own (from the socket). */
const FORWARDING_HEADERS = ['x-forwarded-for', 'x-forwarded-host', 'x-forwarded-proto', 'x-forwarded-port', 'forwarded', 'x-real-ip'];

function first(value: string | string[] | undefined): string | undefined {
  const single = Array.isArray(value) ? value[0] : value;
  return single?.split(',')[0]?.trim() || undefined;
}

function joined(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** The query of a request target with its `?`, or nothing. */
function queryString(url: string | undefined): string {
  const at = url?.indexOf('?') ?? -1;
  return at === -1 ? '' : url!.slice(at);
}

function queryOf(url: string | undefined): URLSearchParams {
  const at = url?.indexOf('?') ?? -1;
  return new URLSearchParams(at === -1 ? '' : url!.slice(at + 1));
}

export function createEdge(options: EdgeOptions): (request: IncomingMessage, response: ServerResponse) => Promise<void> {
  const siteHost = options.siteUrl ? new URL(options.siteUrl).host : undefined;
  // A kept page carries the page nonce: only the nonce rewrite may send it.
  if (options.pageMemo && !options.pageNonce) throw new Error('createEdge: a page memo needs the page nonce its pages are rewritten from.');

  return async (request, response) => {
    const started = process.hrtime.bigint();
    const requestId = randomUUID();
    const peer = request.socket.remoteAddress;
    const peerTrusted = peer !== undefined && options.trustedProxies(peer, 0);
    const client = resolveClientAddress(peer, joined(request.headers['x-forwarded-for']), options.trustedProxies);
    const path = targetPath(request.url);
    const api = isApiPath(path);
    const https = isHttps(options.siteUrl, peerTrusted ? first(request.headers['x-forwarded-proto']) : undefined);

    let logged = false;
    const writeLog = () => {
      if (logged) return;
      logged = true;
      const durationMs = Number((process.hrtime.bigint() - started) / 1000n) / 1000;
      options.log(
        accessLogLine({
          requestId,
          method: request.method ?? '',
          path,
          status: response.statusCode,
          durationMs,
          client,
          ...(response.writableFinished ? {} : { aborted: true }),
        }),
      );
    };
    response.once('finish', writeLog);
    response.once('close', writeLog);

    for (const name of INTERNAL_HEADERS) delete request.headers[name];
    if (!peerTrusted) for (const name of FORWARDING_HEADERS) delete request.headers[name];
    request.headers[REQUEST_ID_HEADER] = requestId;
    if (client) request.headers[CLIENT_ADDRESS_HEADER] = client;

    response.setHeader('X-Request-Id', requestId);
    if (options.pageNonce) {
      rewritePageNonce(response, options.pageNonce, makeNonce);
      // A cached page's body is rewritten on its way out: it must leave Next uncompressed (a compressed
      // body would carry the page nonce past the rewrite, to the reader), and never as a 304 that would
      // keep a body (and nonce) the browser has from an earlier response. Every page, not only those
      // servedFromCache says are cached: a path that differs by a byte (a trailing slash, an escape)
      // may still reach a cached page. The build's scripts, the API and OAI-PMH stay compressed.
      if (!api && !isHarvestPath(path) && !path.startsWith('/_next/static/')) delete request.headers['accept-encoding'];
      if (servedFromCache(path, queryOf(request.url))) delete request.headers['if-none-match'];
    }
    for (const [name, value] of Object.entries(securityHeaders({ production: options.production, https }))) response.setHeader(name, value);

    if ((request.url ?? '').length > MAX_REQUEST_TARGET) return sendTooLong(response, api, MAX_REQUEST_TARGET);
    if (hasBrokenPercentEncoding(path)) {
      if (api) return sendBadPath(response);
      request.url = NOWHERE;
    } else {
      const ownHosts = [request.headers.host, siteHost, peerTrusted ? first(request.headers['x-forwarded-host']) : undefined];
      if (isForeignPagePost({ method: request.method, path, origin: first(request.headers.origin), ownHosts })) {
        return sendForeignOrigin(response, api);
      }
      const body = {
        method: request.method,
        path,
        contentLength: first(request.headers['content-length']),
        signedIn: hasSessionCookie(request.headers.cookie),
      };
      if (isOversizedPagePost(body)) return sendTooLarge(response, api, pagePostLimit(path, body.signedIn));
      const prefetch = request.headers['next-router-prefetch'] !== undefined;
      const limit = await options.rateLimit({ path, address: client, prefetch });
      if (limit.limited) return sendRateLimited(response, api, limit.retryAfterSeconds);
      options.renderOverlap?.watch(request, response, path, queryOf(request.url));
      if (options.pageMemo?.answer(request, response, path, queryOf(request.url))) return;
      if (options.searchMemo?.answer(request, response, path)) return;
      if (options.pageGate && !api) {
        const gate = await options.pageGate(path).catch((error: unknown) => {
          // Unreadable database: Next renders the page (and answers for itself) rather than the edge a 500.
          options.log(errorLogLine(error, { path, method: request.method ?? '', headers: request.headers }, { routeType: 'server' }));
          return { action: 'pass' } as const;
        });
        if (gate.action === 'missing') request.url = NOWHERE;
        if (gate.action === 'redirect') return sendRedirect(response, `${gate.location}${queryString(request.url)}`);
      }
    }

    try {
      if (options.searchApi && request.method === 'GET' && path === SEARCH_API_PATH && options.searchApi.ready()) {
        await options.searchApi.answer(request, response, { production: options.production, https });
      } else await options.handle(request, response);
    } catch (error) {
      options.log(errorLogLine(error, { path, method: request.method ?? '', headers: request.headers }, { routeType: 'server' }));
      sendInternalError(response, api, requestId);
    }
  };
}
