// The health of the archive the app serves (DATABASE_URL), for GET /api/health.
import 'server-only';
import { databaseFilePath, engineOf } from '@/lib/db';
import { env } from '@/lib/env';
import { rateLimitCheck } from '@/lib/server/rate-limit-health';
import { checkHealth, checkPostgresHealth, withCheck, type HealthReport } from './health';

// The search index check reads the whole index; a probe every second, or anyone hammering a public
// URL, must not turn into a full check each time. A report is reused for a few seconds.
const REUSE_MS = 5000;
let last: { at: number; report: HealthReport | Promise<HealthReport> } | null = null;

/**
 * The database's checks (reused for a few seconds) and, fresh each time, whether this process's rate
 * limits are being counted.
 */
export function appHealth(now: number = Date.now()): HealthReport | Promise<HealthReport> {
  const report = databaseHealth(now);
  const addRateLimits = (base: HealthReport) => withCheck(base, 'rateLimits', rateLimitCheck(now));
  return report instanceof Promise ? report.then(addRateLimits) : addRateLimits(report);
}

/**
 * SQLite's report at once; PostgreSQL's as a promise (the server answers asynchronously), which
 * every probe of the next few seconds shares, so concurrent probes make one check between them.
 */
function databaseHealth(now: number): HealthReport | Promise<HealthReport> {
  if (last && now - last.at < REUSE_MS) return last.report;
  const report = engineOf(env.DATABASE_URL) === 'postgresql' ? checkPostgresHealth(env.DATABASE_URL) : checkHealth(databaseFilePath(env.DATABASE_URL));
  last = { at: now, report };
  return report;
}
