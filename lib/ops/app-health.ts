// The health of the archive the app serves (DATABASE_URL), for GET /api/health.
import 'server-only';
import { databaseFilePath, engineOf } from '@/lib/db';
import { env } from '@/lib/env';
import { checkHealth, checkPostgresHealth, type HealthReport } from './health';

// The search index check reads the whole index; a probe every second, or anyone hammering a public
// URL, must not turn into a full check each time. A report is reused for a few seconds.
const REUSE_MS = 5000;
let last: { at: number; report: HealthReport | Promise<HealthReport> } | null = null;

/**
 * SQLite's report at once; PostgreSQL's as a promise (the server answers asynchronously), which
 * every probe of the next few seconds shares, so concurrent probes make one check between them.
 */
export function appHealth(now: number = Date.now()): HealthReport | Promise<HealthReport> {
  if (last && now - last.at < REUSE_MS) return last.report;
  const report = engineOf(env.DATABASE_URL) === 'postgresql' ? checkPostgresHealth(env.DATABASE_URL) : checkHealth(databaseFilePath(env.DATABASE_URL));
  last = { at: now, report };
  return report;
}
