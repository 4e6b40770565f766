// A change counter for writes the server did not make itself: a CLI import into its database file,
// a second server process. Every editorial write (runWrite) adds one to SQLite's `user_version`
// in its own transaction; the server reads it every quarter second (a header field: microseconds)
// and renews every cached page when it moved by a write that was not its own. Such a write counts as
// accounted for only once that renewal succeeded: until then every look reports it again.
//
// Why not `PRAGMA data_version`: it moves for every other connection's commit, and in this process
// that includes the app's own writes (Next's bundle and the custom server each open a writer),
// sign-ins and the throttle, so it cannot tell a foreign editorial write from our own.
// The state lives on globalThis: the custom server and Next's bundle load this module separately.
import 'server-only';
import type { WriteDb } from '@/lib/db';

const STATE = Symbol.for('interview-archive.archive-version');
/** user_version is a signed 32-bit integer. */
const LIMIT = 2 ** 31 - 1;

interface VersionState {
  /** The version this server has explained (its own writes, or another process's it saw); null until the server starts watching. */
  seen: number | null;
  /** Another process's write was seen and the renewal it calls for has not succeeded yet. */
  renewalOwed: boolean;
  /** How many writes this process has committed: a look that spans one cannot be trusted (see ownCommitCount). */
  ownCommits: number;
}

function state(): VersionState {
  const holder = globalThis as unknown as Record<symbol, VersionState | undefined>;
  holder[STATE] ??= { seen: null, renewalOwed: false, ownCommits: 0 };
  return holder[STATE];
}

const next = (version: number) => (version + 1) % LIMIT;

export function readArchiveVersion(db: WriteDb): number {
  return Number(db.pragma('user_version', { simple: true }));
}

/** Inside a write transaction: adds one to the version. Returns the version the write started from. */
export function bumpArchiveVersion(db: WriteDb): number {
  const before = readArchiveVersion(db);
  db.pragma(`user_version = ${next(before)}`);
  return before;
}

/**
 * After this process committed a write that started from `before`: when nothing else wrote since
 * the last look, the new version is accounted for (the write renewed its own pages). Otherwise the
 * watcher sees a version it cannot explain and renews everything.
 */
export function noteOwnCommit(before: number): void {
  const current = state();
  current.ownCommits++;
  if (current.seen === before) current.seen = next(before);
}

/**
 * This process's commits so far. A version read asynchronously (PostgreSQL's poll) may have been
 * taken before one of them and be answered after it: it would look like a move nobody accounted for.
 * The watcher compares this count before and after its read and drops a read that spans a commit.
 */
export function ownCommitCount(): number {
  return state().ownCommits;
}

export type VersionCheck = 'first' | 'same' | 'foreign';

/**
 * The watcher's look at the version: the first sets the baseline; a move not accounted for is
 * 'foreign', and so is every look after it until noteForeignRenewal() says its renewal succeeded.
 * Otherwise a renewal that failed would never be tried again, and pages would stay stale until the
 * next write.
 */
export function checkArchiveVersion(version: number): VersionCheck {
  const current = state();
  if (current.seen === null) {
    current.seen = version;
    return 'first';
  }
  if (current.seen !== version) {
    // The baseline moves at once all the same: this process's own writes from here on must still be
    // told from another's (noteOwnCommit compares with it).
    current.seen = version;
    current.renewalOwed = true;
  }
  return current.renewalOwed ? 'foreign' : 'same';
}

/**
 * After the renewal of every page that a 'foreign' look called for succeeded: the writes seen so far
 * are accounted for. The watcher's looks never overlap, so no write was seen after that renewal began.
 */
export function noteForeignRenewal(): void {
  state().renewalOwed = false;
}

/** For tests: forget the baseline. */
export function resetArchiveVersionWatch(): void {
  state().seen = null;
  state().renewalOwed = false;
}
