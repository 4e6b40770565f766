// Per-address limits on the two things a scraping loop hammers: search (the page and the API's
// search) and the rest of the JSON API. In memory (rate-limiter-flexible), so per process: one
// server is the deployment today; a shared store is a one-line change of limiter class.
import 'server-only';
import { RateLimiterMemory, RateLimiterRes } from 'rate-limiter-flexible';
import type { AddressMatcher } from './trusted-proxies';
import { isHarvestPath } from './request-target';

export type LimitedKind = 'search' | 'api';

export interface RateLimitSettings {
  /** Requests a minute per address; 0 turns the limit off. */
  searchPerMinute: number;
  apiPerMinute: number;
  /** Addresses never limited (monitoring, the site's own tools). */
  exempt: AddressMatcher;
}

export interface RequestFacts {
  path: string;
  address: string | null;
  /**
   * A Next.js router prefetch: it renders no search (the page is dynamic, so a prefetch fetches its
   * static shell only), and every result link on a results page sends one, so it is not counted.
   */
  prefetch: boolean;
}

/** Which limit a path falls under, if any. */
export function limitedKind(path: string): LimitedKind | null {
  if (path === '/search' || path === '/api/v1/search') return 'search';
  if (path === '/api/v1' || path.startsWith('/api/v1/') || isHarvestPath(path)) return 'api';
  return null;
}

export type RateLimitOutcome = { limited: false } | { limited: true; kind: LimitedKind; retryAfterSeconds: number };

export function createRateLimits(settings: RateLimitSettings): (request: RequestFacts) => Promise<RateLimitOutcome> {
  const limiters: Record<LimitedKind, RateLimiterMemory | null> = {
    search: settings.searchPerMinute > 0 ? new RateLimiterMemory({ keyPrefix: 'search', points: settings.searchPerMinute, duration: 60 }) : null,
    api: settings.apiPerMinute > 0 ? new RateLimiterMemory({ keyPrefix: 'api', points: settings.apiPerMinute, duration: 60 }) : null,
  };
  return async ({ path, address, prefetch }) => {
    const kind = limitedKind(path);
    const limiter = kind && limiters[kind];
    // A prefetch header is the client's word: believed only for pages, where it renders no results.
    // On the API it would let a scraper skip the limit for full JSON answers.
    if (!kind || !limiter || (prefetch && !path.startsWith('/api/') && !isHarvestPath(path))) return { limited: false };
    if (address && settings.exempt(address, 0)) return { limited: false };
    try {
      // Requests whose address is unknown (the socket closed) share one bucket rather than none.
      await limiter.consume(address ?? 'unknown');
      return { limited: false };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      return { limited: true, kind, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
  };
}
