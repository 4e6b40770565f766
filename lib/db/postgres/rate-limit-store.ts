// Where the app servers of one PostgreSQL archive count requests per address together: a small pool
// of its own (rate-limit checks must not queue behind search's reader or the writer) on the table of
// migration 20261202080200_rate_limits, handed to rate-limiter-flexible's RateLimiterPostgres.
// Short timeouts: a check that cannot reach the database gives up within a couple of seconds, and
// the caller lets the request through (lib/server/rate-limits.ts) rather than hold the page.
import 'server-only';
import pg from 'pg';
import { appTypes } from './values';

export const RATE_LIMIT_TABLE = 'archive_rate_limits';

export interface RateLimitStore {
  /** What RateLimiterPostgres takes as `storeClient` (with storeType 'pool'). */
  readonly pool: pg.Pool;
  readonly tableName: string;
  close(): Promise<void>;
}

export function openRateLimitStore(url: string, options: { max?: number; timeoutMs?: number; log?: (line: string) => void } = {}): RateLimitStore {
  const timeoutMs = options.timeoutMs ?? 2_000;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 2,
    types: appTypes,
    connectionTimeoutMillis: timeoutMs,
    query_timeout: timeoutMs,
  });
  // An idle connection that breaks (the server restarted) is reported on the pool; unheard, Node
  // would end the process for it. The next check opens a fresh connection.
  pool.on('error', (error) => options.log?.(`Rate-limit store connection lost: ${error.message}\n`));
  return { pool, tableName: RATE_LIMIT_TABLE, close: () => pool.end() };
}
