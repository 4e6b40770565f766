// Applies the sign-in throttle (lib/auth/throttle-rules.ts) to the database. Ours rather than Better
// Auth's limiter, which does not see server-side auth.api calls.
//
// An attempt is charged as a failure before its password is checked, and refunded if it succeeds.
// Checking and charging happen in one IMMEDIATE transaction on the serialized writer, so attempts
// sent at once cannot all pass the check while the first is still hashing: the fifth of a burst
// from one pair already meets the wait the fourth set.
import 'server-only';
import { insertAuthEvent, type AuthAuditEvent } from './audit';
import { nowIso, withWriter, type WriteDb } from '@/lib/db';
import { ACCOUNT_RULE, ADDRESS_RULE, KNOWN_ADDRESS_MS, PAIR_RULE, pairDelayMs, UNKNOWN_ADDRESS } from './throttle-rules';

export interface Attempt {
  /** Lower case, trimmed. */
  email: string;
  /** The trusted client address, or null when it is not known. */
  address: string | null;
  at: Date;
}

/** What admission charged, to settle once the password has been checked. */
export interface Charge extends Attempt {
  /** The address has signed in to this account before: the ceiling neither counts nor locks it. */
  known: boolean;
}

export type Admission = { admitted: true; charge: Charge } | { admitted: false; locked: true } | { admitted: false; locked: false; waitMs: number };

export const addressKey = (address: string) => `ip:${address}`;
const pairAddress = (address: string | null) => address ?? UNKNOWN_ADDRESS;

interface PairRow {
  failures: number;
  unreported: number;
  lastFailureAt: string;
  retryAfter: string | null;
}
interface AddressRow {
  failures: number;
  windowStart: string;
  lockedUntil: string | null;
}
interface GuardRow {
  failures: number;
  windowStart: string;
  unreported: number;
  lockedAt: string | null;
}

const time = (value: string | null) => (value === null ? null : new Date(value).getTime());

/**
 * Refuses the attempt (with a sign-in-failed audit entry and nothing else written) while a wait or
 * lock applies to it; otherwise counts it as a failure against its pair, its address and its account.
 */
export function admitAttempt(attempt: Attempt): Admission {
  const { email, address, at } = attempt;
  const now = at.getTime();
  return withWriter().write((db) => {
    const known = isKnownAddress(db, email, address, now);
    const pair = readPair(db, email, address);
    const byAddress = address ? readAddress(db, address) : undefined;
    const guard = readGuard(db, email);

    const guardCurrent = guard && (guard.lockedAt !== null || time(guard.windowStart)! > now - ACCOUNT_RULE.windowMs);
    // Failures still being checked count too, so a burst cannot slip past the ceiling.
    const locked = !known && guard && (guard.lockedAt !== null || (guardCurrent && guard.failures >= ACCOUNT_RULE.ceiling));
    const waits = [pairWait(pair, now), addressWait(byAddress, now)].filter((ms) => ms > 0);
    if (locked || waits.length > 0) {
      insertAuthEvent(db, {
        action: 'sign-in-failed',
        actor: { email, ipAddress: address },
        summary: locked ? 'Refused: account locked for new addresses' : 'Refused: too many failed sign-ins',
        at,
      });
      return locked ? { admitted: false, locked: true } : { admitted: false, locked: false, waitMs: Math.max(...waits) };
    }

    chargePair(db, email, address, pair, now);
    if (address) chargeAddress(db, address, byAddress, now);
    chargeGuard(db, email, guardCurrent ? guard : undefined, known, now);
    return { admitted: true, charge: { ...attempt, known } };
  });
}

/** The password was wrong (or the account disabled): the charge stands; locks whose limit it reached begin. */
export function settleFailure(charge: Charge, event: AuthAuditEvent): { waitMs: number; locked: boolean } {
  const now = (event.at ?? new Date()).getTime();
  return withWriter().write((db) => {
    let waitMs = pairWait(readPair(db, charge.email, charge.address), now);
    if (charge.address) {
      const row = readAddress(db, charge.address);
      if (row && row.failures >= ADDRESS_RULE.maxFailures && !(time(row.lockedUntil)! > now)) {
        db.prepare('UPDATE SignInThrottle SET lockedUntil = ? WHERE key = ?').run(nowIso(new Date(now + ADDRESS_RULE.lockMs)), addressKey(charge.address));
        waitMs = Math.max(waitMs, ADDRESS_RULE.lockMs);
      }
    }
    let locked = false;
    if (!charge.known) {
      const guard = readGuard(db, charge.email);
      if (guard && guard.lockedAt === null && guard.failures >= ACCOUNT_RULE.ceiling) {
        db.prepare('UPDATE SignInAccountGuard SET lockedAt = ? WHERE email = ?').run(nowIso(new Date(now)), charge.email);
      }
      locked = guard !== undefined && guard.failures >= ACCOUNT_RULE.ceiling;
    }
    insertAuthEvent(db, event);
    return { waitMs, locked };
  });
}

export interface SuccessReport {
  /** Failed sign-ins from other addresses since the account last signed in. */
  failuresElsewhere: number;
  /** The account is locked for addresses new to it (this one was not). */
  locked: boolean;
}

/**
 * The password was right: the attempt is refunded, the pair forgets its failures, the address
 * becomes one of the account's own, and what others tried since the last sign-in is kept for the
 * owner to read.
 */
export function settleSuccess(charge: Charge, userId: string, event: AuthAuditEvent): SuccessReport {
  const now = new Date((event.at ?? new Date()).getTime());
  return withWriter().write((db) => {
    const pair = readPair(db, charge.email, charge.address);
    db.prepare('DELETE FROM SignInPairThrottle WHERE email = ? AND address = ?').run(charge.email, pairAddress(charge.address));
    if (charge.address) {
      db.prepare('UPDATE SignInThrottle SET failures = CASE WHEN failures > 1 THEN failures - 1 ELSE 0 END WHERE key = ?').run(addressKey(charge.address));
      db.prepare(
        `INSERT INTO SignInKnownAddress (userId, address, lastSignInAt) VALUES (?, ?, ?)
         ON CONFLICT (userId, address) DO UPDATE SET lastSignInAt = excluded.lastSignInAt`,
      ).run(userId, charge.address, nowIso(now));
    }
    const guard = readGuard(db, charge.email);
    const failuresElsewhere = Math.max(0, (guard?.unreported ?? 0) - (pair?.unreported ?? 0));
    // failures less `forgiven`, never below 0, as a CASE (SQLite's two-argument max() is GREATEST on PostgreSQL).
    const forgiven = charge.known ? 0 : 1;
    db.prepare(
      `UPDATE SignInAccountGuard SET failures = CASE WHEN failures > ? THEN failures - ? ELSE 0 END, unreported = 0, noticeFailures = ? WHERE email = ?`,
    ).run(forgiven, forgiven, failuresElsewhere, charge.email);
    // The others' counts are reported now; their waits stay as they are.
    db.prepare('UPDATE SignInPairThrottle SET unreported = 0 WHERE email = ?').run(charge.email);
    insertAuthEvent(db, event);
    return { failuresElsewhere, locked: guard?.lockedAt != null };
  });
}

function isKnownAddress(db: WriteDb, email: string, address: string | null, now: number): boolean {
  if (!address) return false;
  const row = db
    .prepare('SELECT k.lastSignInAt FROM SignInKnownAddress k JOIN User u ON u.id = k.userId WHERE u.email = ? AND k.address = ?')
    .get(email, address) as { lastSignInAt: string } | undefined;
  return row !== undefined && time(row.lastSignInAt)! > now - KNOWN_ADDRESS_MS;
}

const readPair = (db: WriteDb, email: string, address: string | null) =>
  db
    .prepare('SELECT failures, unreported, lastFailureAt, retryAfter FROM SignInPairThrottle WHERE email = ? AND address = ?')
    .get(email, pairAddress(address)) as PairRow | undefined;

const readAddress = (db: WriteDb, address: string) =>
  db.prepare('SELECT failures, windowStart, lockedUntil FROM SignInThrottle WHERE key = ?').get(addressKey(address)) as AddressRow | undefined;

const readGuard = (db: WriteDb, email: string) =>
  db.prepare('SELECT failures, windowStart, unreported, lockedAt FROM SignInAccountGuard WHERE email = ?').get(email) as GuardRow | undefined;

const pairWait = (pair: PairRow | undefined, now: number) => Math.max(0, (time(pair?.retryAfter ?? null) ?? 0) - now);

/** A lock in force, or a full window whose last failures are still being checked. */
function addressWait(row: AddressRow | undefined, now: number): number {
  if (!row) return 0;
  const lockedFor = (time(row.lockedUntil) ?? 0) - now;
  if (lockedFor > 0) return lockedFor;
  const windowCurrent = time(row.windowStart)! > now - ADDRESS_RULE.windowMs;
  return windowCurrent && row.failures >= ADDRESS_RULE.maxFailures ? ADDRESS_RULE.lockMs : 0;
}

function chargePair(db: WriteDb, email: string, address: string | null, pair: PairRow | undefined, now: number) {
  const fresh = !pair || time(pair.lastFailureAt)! <= now - PAIR_RULE.forgetAfterMs;
  const failures = (fresh ? 0 : pair.failures) + 1;
  const delay = pairDelayMs(failures);
  db.prepare(
    `INSERT INTO SignInPairThrottle (email, address, failures, unreported, lastFailureAt, retryAfter) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (email, address) DO UPDATE SET failures = excluded.failures, unreported = excluded.unreported,
       lastFailureAt = excluded.lastFailureAt, retryAfter = excluded.retryAfter`,
  ).run(email, pairAddress(address), failures, (pair?.unreported ?? 0) + 1, nowIso(new Date(now)), delay > 0 ? nowIso(new Date(now + delay)) : null);
}

function chargeAddress(db: WriteDb, address: string, row: AddressRow | undefined, now: number) {
  // A window that has passed starts over; a lock in force was refused before getting here.
  const current = row && time(row.windowStart)! > now - ADDRESS_RULE.windowMs;
  db.prepare(
    `INSERT INTO SignInThrottle (key, failures, windowStart, lockedUntil) VALUES (?, ?, ?, NULL)
     ON CONFLICT (key) DO UPDATE SET failures = excluded.failures, windowStart = excluded.windowStart, lockedUntil = NULL`,
  ).run(addressKey(address), current ? row.failures + 1 : 1, current ? row.windowStart : nowIso(new Date(now)));
}

/** `current` is the guard row when its window (or lock) is still in force, else undefined: a new window starts. */
function chargeGuard(db: WriteDb, email: string, current: GuardRow | undefined, known: boolean, now: number) {
  const unreported = (readGuard(db, email)?.unreported ?? 0) + 1;
  db.prepare(
    `INSERT INTO SignInAccountGuard (email, failures, windowStart, unreported, lockedAt, noticeFailures) VALUES (?, ?, ?, ?, NULL, 0)
     ON CONFLICT (email) DO UPDATE SET failures = excluded.failures, windowStart = excluded.windowStart, unreported = excluded.unreported`,
  ).run(email, (current?.failures ?? 0) + (known ? 0 : 1), current?.windowStart ?? nowIso(new Date(now)), unreported);
}
