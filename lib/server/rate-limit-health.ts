// Whether the rate limits are being counted, for /api/health. On PostgreSQL they are counted in the
// database (lib/server/rate-limits.ts); when that fails, requests are let through rather than refused,
// which keeps the archive up but leaves it unprotected against scraping. Without this the only trace
// is a log line a minute; here a monitor polling /api/health sees "degraded" while it lasts.
// The state lives on globalThis: the custom server (which counts) and Next's bundle (which serves
// /api/health) load this module separately, in one process.
import 'server-only';
import type { Check } from '@/lib/ops/health';

const STATE = Symbol.for('interview-archive.rate-limit-health');

/** A failure this recent, with no successful count since, makes the check degraded. */
export const RATE_LIMIT_FAILURE_WINDOW_MS = 60_000;

interface CountState {
  lastCountedAt: number | null;
  lastFailedAt: number | null;
  /** Failed counts since the last successful one. */
  failuresInARow: number;
  lastError: string | null;
}

function state(): CountState {
  const holder = globalThis as unknown as Record<symbol, CountState | undefined>;
  holder[STATE] ??= { lastCountedAt: null, lastFailedAt: null, failuresInARow: 0, lastError: null };
  return holder[STATE];
}

export function noteRateLimitCounted(now: number = Date.now()): void {
  const current = state();
  current.lastCountedAt = now;
  current.failuresInARow = 0;
}

/** `reason`: a short kind of failure (an error code), never a message that may hold an address. */
export function noteRateLimitFailed(reason: string, now: number = Date.now()): void {
  const current = state();
  current.lastFailedAt = now;
  current.failuresInARow++;
  current.lastError = reason;
}

export function rateLimitCheck(now: number = Date.now()): Check {
  const { lastCountedAt, lastFailedAt, failuresInARow, lastError } = state();
  const failing = lastFailedAt !== null && failuresInARow > 0 && now - lastFailedAt < RATE_LIMIT_FAILURE_WINDOW_MS;
  if (failing) {
    return {
      status: 'degraded',
      message: `requests could not be counted (${lastError}) and are let through without limits`,
      failuresInARow,
      lastFailedAt: new Date(lastFailedAt).toISOString(),
    };
  }
  return { status: 'ok', message: lastCountedAt === null ? 'no request counted yet' : 'counting' };
}

/** For tests: forget what was counted. */
export function resetRateLimitHealth(): void {
  const holder = globalThis as unknown as Record<symbol, CountState | undefined>;
  delete holder[STATE];
}
