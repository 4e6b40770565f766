// One read transaction around a search's statements on a connection that does nothing but search (a
// search thread's: reader.ts's `oneRead`), so that all of them read the archive as of one moment, and
// SQLite sets up its read once rather than for each statement. Not on a connection shared with other
// reads (the main thread's): while a search waited on its sentence encoder, they would read its moment,
// the change stamp too, and a cache checked by that stamp would miss a commit made meanwhile.
//
// Outside a transaction every statement is a read transaction of its own: it takes a WAL read lock
// (fcntl() on the -shm file, twice), checks the WAL index and the file's size for the memory map,
// and lets go. A never-asked search runs 20-30 statements; in one transaction it took 9-12% less time
// at 100,000 and 1,000,000 passages (bench/results/search-api-tail/README.md, "Stop 54"), and its
// count, ranking and page can no longer each see a different commit (what it finds by meaning comes
// from the vector index's own connection, read at its own moment).
//
// Never older than the newest search: a search that starts while another's read is still open (that
// one waits on something that is not the database: a meaning search's sentence encoder) ends that
// read and opens its own, so it sees every commit made before it was asked, as it would without one.
// The earlier search goes on reading as of then, as a statement outside a transaction would. This
// holds because no statement stays open across a search's waits (better-sqlite3's all, get and run
// finish theirs): an iterator left open would keep the old read going past its COMMIT. A meaning
// search holds its read while its encoder works (seconds the first time, as the model loads): until it
// ends, or a newer search ends it, a writer's checkpoint cannot start the WAL over.
import 'server-only';
import type { InOneRead } from '../query';
import type { SqliteDb } from './connection';

export function oneReadOf(db: SqliteDb): InOneRead {
  const begin = db.prepare('BEGIN');
  const commit = db.prepare('COMMIT');
  /** The search whose read is open now, if one is. */
  let holder: object | null = null;
  return async (read) => {
    // Whoever held it (an earlier search, or one whose own COMMIT failed), the read open now ends here.
    if (db.inTransaction) commit.run();
    begin.run();
    const mine = {};
    holder = mine;
    try {
      return await read();
    } finally {
      if (holder === mine) {
        holder = null;
        if (db.inTransaction) commit.run();
      }
    }
  };
}
