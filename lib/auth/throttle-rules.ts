// The numbers of the sign-in throttle and the messages that state them; pure, so they can be read
// and tested alone. lib/auth/throttle.ts applies them to the database.

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/**
 * One account from one address: the first failures are free (typing mistakes), then each failure
 * doubles the wait before the next try, from one second up to a ceiling. The owner at their own
 * address has a pair of their own, so an attacker's failures elsewhere never slow them.
 */
export const PAIR_RULE = {
  freeFailures: 4,
  firstDelayMs: SECOND,
  maxDelayMs: 15 * MINUTE,
  /** A pair idle this long starts again from nothing. */
  forgetAfterMs: DAY,
};

/**
 * One address across all accounts (someone trying many accounts). Higher than the pair's free tries,
 * because several people can share one address (an office, a newsroom). Only a trusted address
 * counts: without one the rule does not apply, since "unknown" would be everyone at once.
 */
export const ADDRESS_RULE = { maxFailures: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

/**
 * One account from every address (a guess spread over many addresses). Counts only failures from
 * addresses that never signed in to the account, and locks only those, until an admin lifts it:
 * the owner at an address they signed in from before still gets in, so nobody can lock out the
 * owner, or every admin, by failing on purpose.
 */
export const ACCOUNT_RULE = { ceiling: 100, windowMs: DAY };

/** An address counts as the account's own for this long after it last signed in successfully. */
export const KNOWN_ADDRESS_MS = 90 * DAY;

/** The pair key's address when the client's address is not known. */
export const UNKNOWN_ADDRESS = 'unknown';

/** How long a pair waits after its `failures`-th failure in a row: 0, then 1 s, 2 s, 4 s … capped. */
export function pairDelayMs(failures: number): number {
  const beyond = failures - PAIR_RULE.freeFailures;
  if (beyond <= 0) return 0;
  // 2 ** 30 s is far past the cap already; stopping there keeps the number finite.
  return Math.min(PAIR_RULE.firstDelayMs * 2 ** Math.min(beyond - 1, 30), PAIR_RULE.maxDelayMs);
}

/** "1 second", "45 seconds", "2 minutes": seconds under a minute, whole minutes (rounded up) above. */
export function waitText(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / SECOND));
  if (seconds < 60) return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
}

export const INVALID_CREDENTIALS = 'Email or password is incorrect.';

export const throttledMessage = (waitMs: number) => `Too many failed sign-ins; try again in ${waitText(waitMs)}.`;

// Said of any email that reached the ceiling, whether or not an account has it, so it reveals nothing.
export const ACCOUNT_LOCKED =
  'Too many failed sign-ins to this account: it is locked for sign-in from new places. You can still sign in ' +
  'from a network you have signed in from before; otherwise ask an admin of the archive to unlock it on the Users page.';
