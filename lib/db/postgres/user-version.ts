// SQLite's PRAGMA user_version on PostgreSQL: one row of a bookkeeping table (made by migration
// 20261202090000_bookkeeping), written inside editorial writes by the synchronous writer
// (write-db.ts) and polled by every app server to learn of other servers' writes
// (lib/cache/archive-version.ts, lib/server/cache-renewal.ts).
import 'server-only';
import { sql, type QueryDb } from '../query';

export const USER_VERSION_TABLE = 'archive_user_version';

/**
 * The version read through an asynchronous connection (the reader's pool). The poll runs four times
 * a second; through the synchronous writer each look would hold the main thread for a round trip to
 * the server, and for as long as a slow server takes to answer.
 */
export async function readPostgresUserVersion(reader: QueryDb): Promise<number> {
  const rows = await reader.$queryRaw<{ version: number }[]>(sql`SELECT version FROM archive_user_version WHERE id = 1`);
  return Number(rows[0]?.version ?? 0);
}
