// The health of the archive the app serves (DATABASE_URL), for GET /api/health.
import 'server-only';
import { databaseTarget } from '@/lib/db';
import { env } from '@/lib/env';
import { checkHealth, type HealthReport } from './health';

// The search index check reads the whole index; a probe every second, or anyone hammering a public
// URL, must not turn into a full check each time. A report is reused for a few seconds.
const REUSE_MS = 5000;
let last: { at: number; report: HealthReport } | null = null;

export function appHealth(now: number = Date.now()): HealthReport {
  if (last && now - last.at < REUSE_MS) return last.report;
  const report = checkHealth(databaseTarget(env.DATABASE_URL));
  last = { at: now, report };
  return report;
}
