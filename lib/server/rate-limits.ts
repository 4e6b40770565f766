// Per-address limits on the two things a scraping loop hammers: search (the page and the API's
// search) and the rest of the JSON API, counted by rate-limiter-flexible. Where they are counted:
//  - PostgreSQL (`store` given): in the database (RateLimiterPostgres), so every app server of the
//    archive counts into the same buckets and a scraper gains nothing by spreading over them.
//  - SQLite: in memory, per process: one server serves a SQLite archive.
// A shared count that cannot be read (the database unreachable, a timeout) lets the request through
// and logs a line: the limits guard against scraping, and refusing every reader because the counter
// broke would be the outage they exist to prevent. The pages themselves still need the database.
import 'server-only';
import { RateLimiterMemory, RateLimiterPostgres, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';
import type { RateLimitStore } from '@/lib/db';
import type { AddressMatcher } from './trusted-proxies';
import { isHarvestPath } from './request-target';
import { noteRateLimitCounted, noteRateLimitFailed } from './rate-limit-health';

export type LimitedKind = 'search' | 'api';

export interface RateLimitSettings {
  /** Requests a minute per address; 0 turns the limit off. */
  searchPerMinute: number;
  apiPerMinute: number;
  /** Addresses never limited (monitoring, the site's own tools). */
  exempt: AddressMatcher;
  /** The database's shared counts (PostgreSQL); without it each process counts alone. */
  store?: RateLimitStore | null;
  /** Where a failed count is reported (a line, newline-terminated). */
  log?: (line: string) => void;
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
  const limiterFor = (keyPrefix: LimitedKind, points: number): RateLimiterAbstract | null => {
    if (points <= 0) return null;
    const { store } = settings;
    // Both limits share the one table: the key prefix ("search:", "api:") keeps their buckets apart.
    if (store)
      return new RateLimiterPostgres({
        storeClient: store.pool,
        storeType: 'pool',
        tableName: store.tableName,
        tableCreated: true,
        keyPrefix,
        points,
        duration: 60,
      });
    return new RateLimiterMemory({ keyPrefix, points, duration: 60 });
  };
  const limiters: Record<LimitedKind, RateLimiterAbstract | null> = {
    search: limiterFor('search', settings.searchPerMinute),
    api: limiterFor('api', settings.apiPerMinute),
  };
  const reportFailure = failureReporter(settings.log ?? ((line) => process.stderr.write(line)));
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
      noteRateLimitCounted();
      return { limited: false };
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) {
        reportFailure(rejection);
        noteRateLimitFailed(failureKind(rejection));
        return { limited: false };
      }
      noteRateLimitCounted();
      return { limited: true, kind, retryAfterSeconds: Math.max(1, Math.ceil(rejection.msBeforeNext / 1000)) };
    }
  };
}

const REPORT_EVERY_MS = 60_000;

/** What kind of failure, for the health report: PostgreSQL's or Node's error code, or the error's class. */
function failureKind(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && /^[A-Z0-9_]{1,40}$/.test(code)) return code;
  return error instanceof Error ? error.name : 'unknown error';
}

/** Logs the first failed count, then at most one a minute with how many failed since: an outage of the store is one line a minute, not one per request. */
function failureReporter(log: (line: string) => void): (error: unknown) => void {
  let lastReport = -Infinity;
  let unreported = 0;
  return (error) => {
    unreported++;
    const now = Date.now();
    if (now - lastReport < REPORT_EVERY_MS) return;
    lastReport = now;
    const message = error instanceof Error ? error.message : String(error);
    log(
      `${JSON.stringify({ time: new Date(now).toISOString(), level: 'error', msg: 'Rate limits could not be counted; requests let through', error: message, failures: unreported })}\n`,
    );
    unreported = 0;
  };
}
