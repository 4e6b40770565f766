-- Per-address rate limits shared by every app server of the archive (issue 13): one row per
-- "<limit>:<address>" bucket, counted by rate-limiter-flexible's RateLimiterPostgres
-- (lib/server/rate-limits.ts through lib/db/postgres/rate-limit-store.ts), in the shape that
-- library creates itself (it is told the table exists, so no app server needs CREATE rights).
-- `expire` is milliseconds since 1970; the library deletes rows an hour past it.
-- Not a model of prisma/schema.prisma: bookkeeping, not the archive. Its name starts with
-- "archive_", which the schema drift test (tests/support/postgres-schema-diff.ts) leaves alone.
CREATE TABLE IF NOT EXISTS archive_rate_limits (
  key varchar(255) PRIMARY KEY,
  points integer NOT NULL DEFAULT 0,
  expire bigint
);
