// A search connection keeps the passage rows it joins in its own page cache (connection.ts,
// SEARCH_CACHE_KIB): with better-sqlite3's default of 16,000 KiB, a count's sample read most of its
// rows from the operating system again. Checked on a real file, through the reader search uses.
import { afterAll, describe, expect, it } from 'vitest';
import { openReader, type Reader } from '@/lib/db';
import { SEARCH_CACHE_KIB } from '@/lib/db/sqlite/connection';
import { copyTemplate } from '@/tests/support/per-file-database';

let reader: Reader | null = null;
afterAll(() => reader?.close());

describe('the search reader', () => {
  it('has a page cache of 64 MiB, not better-sqlite3’s 16,000 KiB', async () => {
    reader = openReader(copyTemplate('seededTemplate'));
    const [row] = await reader.$queryRaw<{ cache_size: number }[]>`PRAGMA cache_size`;
    expect(SEARCH_CACHE_KIB).toBe(64 * 1024);
    expect(row.cache_size).toBe(-SEARCH_CACHE_KIB);
  });
});
