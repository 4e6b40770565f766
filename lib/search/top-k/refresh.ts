// Keeps the lists exact after a write: every passage the triggers marked pending (its text, speaker
// name or document title changed, or it was added or deleted) leaves every list, and goes back into
// each list whose word it still uses, when it scores at or above the list's floor (a list holding every
// passage of its word, floor 0, takes it whatever its score). Until this has run, searches see the
// pending rows and rank the old way, so a list is never trusted while it may be stale. Each list's
// stored count moves by the passages that match its term now and did not before the write, less the
// reverse (what they matched before: TermImpactBefore, captured by the triggers), and its sample
// keeps the pending passages that match now and fall on its stride. A pending passage captured by no
// trigger (pending since before the capture existed) leaves every count unknown until the next
// build: searches count again, as they did before counts were stored.
import 'server-only';
import type { SqliteDb, Writer } from '@/lib/db';
import { termImpactWriting as w } from '@/lib/db';
import { termPart, weightOf } from './bm25';

/** Passages rescored per transaction: short enough not to hold other writers up. */
const BATCH = 50;
/** A save touching at most this many passages is rescored before it returns; more go on in the background. */
const AT_ONCE = 20;

/** Rescores the pending passages, at most `limit` of them (default: all); returns how many it handled. */
export function refreshTermImpacts(db: SqliteDb, limit = Infinity): number {
  const build = db.prepare('SELECT averageLength FROM TermImpactBuild WHERE id = 1').get() as { averageLength: number } | undefined;
  if (!build) {
    db.exec('DELETE FROM TermImpactPending; DELETE FROM TermImpactBefore;');
    return 0;
  }
  const lists = db.prepare('SELECT id, term, floor, passages, every FROM TermImpactList').all() as {
    id: number;
    term: string;
    floor: number;
    passages: number | null;
    every: number | null;
  }[];
  const insert = db.prepare('INSERT OR REPLACE INTO TermImpact (listId, score, passageId, weight, length) VALUES (?, ?, ?, ?, ?)');
  const insertSampled = db.prepare('INSERT INTO TermImpactSample (listId, passageId) VALUES (?, ?)');
  const moveCount = db.prepare('UPDATE TermImpactList SET passages = passages + ? WHERE id = ?');
  let handled = 0;
  for (;;) {
    const size = Math.min(BATCH, limit - handled);
    const pending = size > 0 ? (db.prepare('SELECT passageId FROM TermImpactPending ORDER BY passageId LIMIT ?').pluck().all(size) as number[]) : [];
    if (pending.length === 0) return handled;
    const ids = JSON.stringify(pending);
    db.prepare('DELETE FROM TermImpact WHERE passageId IN (SELECT value FROM json_each(?))').run(ids);
    db.prepare('DELETE FROM TermImpactSample WHERE passageId IN (SELECT value FROM json_each(?))').run(ids);
    const matchedBefore = w.matchedBefore(db, pending);
    if (!matchedBefore) forgetCounts(db, lists);
    const countsNow = w.countsNow(db, pending);
    const lengths = w.lengths(db, pending);
    for (const list of lists) {
      const matchedNow = countsNow(`"${list.term}"`);
      const moved = matchedBefore && list.passages !== null ? matchedNow.size - matchedBefore(`"${list.term}"`).length : 0;
      if (moved !== 0) moveCount.run(moved, list.id);
      for (const [id, counts] of matchedNow) {
        if (matchedBefore && list.every !== null && id % list.every === 0) insertSampled.run(list.id, id);
        const weight = weightOf(counts);
        const length = lengths.get(id);
        if (weight === 0 || length === undefined) continue;
        const score = termPart(weight, length, build.averageLength);
        if (score >= list.floor) insert.run(list.id, score, id, weight, length);
      }
    }
    db.prepare('DELETE FROM TermImpactPending WHERE passageId IN (SELECT value FROM json_each(?))').run(ids);
    db.prepare('DELETE FROM TermImpactBefore WHERE passageId IN (SELECT value FROM json_each(?))').run(ids);
    handled += pending.length;
  }
}

/** Every list's count and sample unknown (a pending passage's earlier state was not captured): searches count again until the next build. */
function forgetCounts(db: SqliteDb, lists: { passages: number | null; every: number | null }[]) {
  db.exec('UPDATE TermImpactList SET passages = NULL, every = NULL; DELETE FROM TermImpactSample;');
  for (const list of lists) {
    list.passages = null;
    list.every = null;
  }
}

const running = new Map<string, Promise<void>>();

/**
 * After a committed write: rescore what it touched, each batch in a write transaction of its own. A
 * small save is rescored before this returns; a big one (a speaker renamed in thousands of passages)
 * goes on in the background, and until it is done searches for those words rank the old way. A
 * failure leaves the passages pending (searches stay exact, only slower) and is reported on stderr.
 */
export function refreshAfterWrite(writer: Writer): void {
  try {
    if (writer.write((db) => refreshTermImpacts(db, AT_ONCE)) < AT_ONCE) return;
  } catch (error) {
    report(error);
    return;
  }
  if (running.has(writer.file)) return;
  const run = new Promise<void>((resolve) => {
    const step = () => {
      try {
        if (!writer.db.open || writer.write((db) => refreshTermImpacts(db, BATCH)) === 0) return resolve();
      } catch (error) {
        report(error);
        return resolve();
      }
      setImmediate(step);
    };
    setImmediate(step);
  }).finally(() => running.delete(writer.file));
  running.set(writer.file, run);
}

/** Resolves when the background rescoring of `file` (if any) is done: for tests and scripts. */
export const rescored = (file: string): Promise<void> => running.get(file) ?? Promise.resolve();

function report(error: unknown) {
  console.error(`Rescoring the saved passages for the ranking lists failed (they stay pending): ${(error as Error).message}`);
}
