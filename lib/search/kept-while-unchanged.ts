// Facts about the whole archive that a search reads again and again (the speakers' names and the
// documents' titles: names.ts), kept with the connection while the archive is unchanged. A
// connection that can tell (the SQLite reader's change stamp, PRAGMA data_version) reads them once
// after each commit by another connection; any other reads them every time.
import 'server-only';
import type { QueryDb } from '@/lib/db';

/** A connection that says when another has committed (lib/db/sqlite/reader.ts). */
type Stamped = QueryDb & { changeStamp(): number | null };

const kept = new WeakMap<QueryDb, { stamp: number; answers: Map<string, Promise<unknown>> }>();

const stampOf = (db: QueryDb): number | null => {
  const changeStamp = (db as Partial<Stamped>).changeStamp;
  return typeof changeStamp === 'function' ? changeStamp.call(db) : null;
};

/**
 * `read()`'s answer for `key`, read once while the archive is unchanged; null where the connection
 * cannot tell when it changes (the caller reads for itself). The stamp is taken before the read: a
 * commit during it makes the next search read again.
 */
export function keptWhileUnchanged<T>(db: QueryDb, key: string, read: () => Promise<T>): Promise<T> | null {
  const stamp = stampOf(db);
  if (stamp === null) return null;
  const known = kept.get(db);
  const answers = known && known.stamp === stamp ? known.answers : new Map<string, Promise<unknown>>();
  if (answers !== known?.answers) kept.set(db, { stamp, answers });
  let answer = answers.get(key) as Promise<T> | undefined;
  if (!answer) {
    answer = read();
    answers.set(key, answer);
    // A failed read is not kept: the next search tries again.
    answer.catch(() => answers.delete(key));
  }
  return answer;
}
