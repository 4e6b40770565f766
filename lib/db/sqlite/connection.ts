// Opening a SQLite file: the pragmas every read-write connection here uses, and a read-only open.
// Only lib/db opens connections (eslint.config.mjs enforces it); the rest of lib/ asks lib/db.
import 'server-only';
import Database from 'better-sqlite3';
import * as sqliteVec from 'sqlite-vec';
import { mkdirSync } from 'node:fs';
import path from 'node:path';

/** A raw SQLite connection (better-sqlite3), for the engine-specific code that needs one. */
export type SqliteDb = Database.Database;

/** The page size of a database file created here (bytes). */
export const PAGE_SIZE = 8192;

/** Opens (creating when missing) the database file with the pragmas every connection here uses. */
export function openDatabase(file: string): SqliteDb {
  mkdirSync(path.dirname(file), { recursive: true });
  const db = new Database(file, { timeout: 5000 });
  // Pages of 8 KiB rather than SQLite's 4 KiB: a passage row (~1 KB of text) leaves less of each page
  // unused, which makes the file of a million passages 7% smaller. SQLite takes it only while the file
  // is still empty, so it sets the size of a new database and leaves an existing one as it is.
  db.pragma(`page_size = ${PAGE_SIZE}`);
  // WAL lets readers go on while one writer writes; it is stored in the file, so it holds for the
  // app's own connections too.
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  return db;
}

/**
 * A read-only connection to an existing database file, for reads that must never write or create
 * anything (search, the health check, verifying a backup): opening a missing file fails instead of
 * making one.
 */
export function openReadOnlyDatabase(file: string, timeoutMs = 5000): SqliteDb {
  return new Database(file, { readonly: true, fileMustExist: true, timeout: timeoutMs });
}

/**
 * The page cache of a search connection, in KiB. better-sqlite3's default, 16,000 KiB, holds about
 * 2,000 pages of 8 KiB, fewer than a count's sample of ~2,000 matches joined to their passage rows
 * and a ranking's lists read together, so a search read many of its pages from the operating system
 * again. At 100,000 passages, joining the sample of `people` took 6.3-7.0 ms with the default and
 * 2.1-3.4 ms with 64 MiB, run alone (5.1 against 6.6 ms with other statements between); of `the`,
 * 13.5-14.8 against 8.6-10 ms (12.0 against 13.0). The ranking itself, which reads the index's lists
 * in turn, hardly changed. The cache fills only as pages are read, up to this much per connection;
 * with the file mapped (below) it holds only the pages past the mapping.
 */
export const SEARCH_CACHE_KIB = 64 * 1024;

/**
 * How much of the database file a search connection maps into memory (SQLite's mmap_size): as much as
 * this build of SQLite allows (SQLITE_MAX_MMAP_SIZE, 0x7fff0000 bytes, about 2 GiB), which holds the
 * file of a million passages (1.5 GiB). Unmapped, a page the cache has not kept is read with read(2)
 * and copied into the cache; mapped, SQLite reads it where the operating system already holds it. A
 * fresh connection joined the ~2,000 sampled matches of `the` to their passages (100,000 passages) in
 * 96 ms unmapped and 54 ms mapped, and a mix of searches touches far more than 64 MiB of pages.
 * bench:search, each query's best median (two runs a side at 100,000 passages, four at 1,000,000):
 * 100,000 passages p50 / p95 12.2 / 49 → 9.2 / 41 ms, natural queries' p50 23 → 16 ms;
 * 1,000,000 passages 45 / 286 → 32 / 265 ms, natural queries' p50 96 → 66 ms.
 *
 * The mapped pages count in the process's RSS while it has them (up to the file's size), but they are
 * the operating system's cache of the file, which read(2) fills just the same: shared with every
 * process that reads the file, given back under memory pressure. The process's own memory does not
 * grow (bench:search reports both). Linux keeps a mapping coherent with other connections' writes (one
 * page cache for read(2), write(2) and mappings). The price, as SQLite's documentation says, is that
 * an I/O error on a mapped page stops the process instead of failing one query.
 */
export const SEARCH_MMAP_BYTES = 0x7fff0000;

/** Gives a connection that answers searches the page cache and the mapping above. */
export function tuneForSearch(db: SqliteDb): void {
  db.pragma(`cache_size = -${SEARCH_CACHE_KIB}`);
  db.pragma(`mmap_size = ${SEARCH_MMAP_BYTES}`);
}

/**
 * Loads sqlite-vec (meaning-based search's Hamming and cosine distances, lib/db/sqlite/vectors.ts) into a
 * connection; false, said once on stderr, where it cannot be (a platform without its npm package):
 * search then goes on without meaning.
 */
export function loadVectorFunctions(db: SqliteDb): boolean {
  try {
    sqliteVec.load(db);
    return true;
  } catch (error) {
    warnOnce(`Meaning-based search is off: sqlite-vec did not load (${(error as Error).message}).`);
    return false;
  }
}

let warned = false;
function warnOnce(message: string) {
  if (!warned) console.warn(message);
  warned = true;
}
