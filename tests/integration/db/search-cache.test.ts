// A search connection keeps the passage rows it joins in its own page cache, and maps the database
// file so that pages past the cache are read without a system call each (connection.ts,
// SEARCH_CACHE_KIB and SEARCH_MMAP_BYTES); it keeps its prepared statements, but not those carrying
// long lists of ids (reader.ts, MOST_VALUES_KEPT). Checked on a real file, through the reader search uses.
import { afterAll, describe, expect, it } from 'vitest';
import { join, openReader, sql, type Reader } from '@/lib/db';
import { SEARCH_CACHE_KIB, SEARCH_MMAP_BYTES } from '@/lib/db/sqlite/connection';
import { MOST_VALUES_KEPT } from '@/lib/db/sqlite/reader';
import { copyTemplate } from '@/tests/support/per-file-database';

let reader: Reader | null = null;
afterAll(() => reader?.close());

describe('the search reader', () => {
  it('has a page cache of 64 MiB, not better-sqlite3’s 16,000 KiB', async () => {
    reader ??= openReader(copyTemplate('seededTemplate'));
    const [row] = await reader.$queryRaw<{ cache_size: number }[]>`PRAGMA cache_size`;
    expect(SEARCH_CACHE_KIB).toBe(64 * 1024);
    expect(row.cache_size).toBe(-SEARCH_CACHE_KIB);
  });

  it('maps the database file, as far as this SQLite allows (about 2 GiB)', async () => {
    reader ??= openReader(copyTemplate('seededTemplate'));
    const [row] = await reader.$queryRaw<{ mmap_size: number }[]>`PRAGMA mmap_size`;
    // SQLite answers with what it took, capped at its build's SQLITE_MAX_MMAP_SIZE: 0 would mean read(2).
    expect(row.mmap_size).toBe(SEARCH_MMAP_BYTES);
    expect(SEARCH_MMAP_BYTES).toBeGreaterThanOrEqual(1.5 * 2 ** 30);
  });

  it('keeps a statement for reuse, but not one with a long list of ids, whose length changes from search to search', async () => {
    reader ??= openReader(copyTemplate('seededTemplate'));
    const ids = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
    const countAmong = (n: number) => reader!.$queryRaw<{ n: number }[]>(sql`SELECT count(*) AS n FROM Passage WHERE id IN (${join(ids(n))})`);
    const before = reader.keptStatements!();
    // Short lists: each length is a statement of its own, kept, and reused when asked again.
    for (const n of [3, 4, 5, 3, 4]) await countAmong(n);
    expect(reader.keptStatements!()).toBe(before + 3);
    // Long lists answer the same way, but leave nothing kept behind them.
    const [all] = await reader.$queryRaw<{ n: number }[]>`SELECT count(*) AS n FROM Passage`;
    for (let n = MOST_VALUES_KEPT + 1; n <= MOST_VALUES_KEPT + 20; n++) {
      const [row] = await countAmong(n);
      expect(Number(row.n)).toBe(Math.min(n, Number(all.n)));
    }
    expect(reader.keptStatements!()).toBe(before + 4);
  });
});
