// Facts about the whole archive that a search reads again and again (the speakers' names and the
// documents' titles: names.ts), kept with the connection while the archive is unchanged. A
// connection that can tell (the SQLite reader's change stamp, PRAGMA data_version) keeps one from the
// second time it is asked for after a commit by another connection: while the archive changes between
// every two searches (an import, the embedder filling in vectors), a fact read to be kept would cost
// more than the caller's own read, and be dropped unused. Any other connection reads every time.
import 'server-only';
import type { QueryDb } from '@/lib/db';

/** A connection that says when another has committed (lib/db/sqlite/reader.ts). */
type Stamped = QueryDb & { changeStamp(): number | null };

interface Kept {
  stamp: number;
  /** Asked for once under this stamp, not yet kept. */
  asked: Set<string>;
  answers: Map<string, Promise<unknown>>;
}

const kept = new WeakMap<QueryDb, Kept>();

const stampOf = (db: QueryDb): number | null => {
  const changeStamp = (db as Partial<Stamped>).changeStamp;
  return typeof changeStamp === 'function' ? changeStamp.call(db) : null;
};

/**
 * `read()`'s answer for `key`, read once while the archive is unchanged; null where the connection
 * cannot tell when it changes, and the first time it is asked for since the last change: the caller
 * reads for itself then. The stamp is taken before the read: a commit during it makes the next search
 * read again.
 */
export function keptWhileUnchanged<T>(db: QueryDb, key: string, read: () => Promise<T>): Promise<T> | null {
  const stamp = stampOf(db);
  if (stamp === null) return null;
  let known = kept.get(db);
  if (!known || known.stamp !== stamp) kept.set(db, (known = { stamp, asked: new Set(), answers: new Map() }));
  const { asked, answers } = known;
  let answer = answers.get(key) as Promise<T> | undefined;
  if (answer) return answer;
  if (!asked.has(key)) {
    asked.add(key);
    return null;
  }
  answer = read();
  answers.set(key, answer);
  // A failed read is not kept: the next search reads for itself and tries again after.
  answer.catch(() => answers.delete(key));
  return answer;
}
