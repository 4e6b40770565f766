// Counts failed sign-ins per account and per address in SignInThrottle and locks a key that fails too
// often. Ours rather than Better Auth's limiter, which does not see server-side auth.api calls.
import type { PrismaClient } from '@/lib/generated/prisma/client';

export interface ThrottleRule {
  /** Failures allowed within the window before the key is locked. */
  maxFailures: number;
  windowMs: number;
  lockMs: number;
}

const MINUTE = 60_000;
export const EMAIL_RULE: ThrottleRule = { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
// Higher, because several people can share one address (an office, a newsroom).
export const IP_RULE: ThrottleRule = { maxFailures: 20, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

export const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

type ThrottleDb = Pick<PrismaClient, 'signInThrottle'>;

/** The latest lock among the keys that is still in force, or null. */
export async function lockedUntil(db: ThrottleDb, keys: string[], now: Date): Promise<Date | null> {
  const rows = await db.signInThrottle.findMany({ where: { key: { in: keys }, lockedUntil: { gt: now } }, select: { lockedUntil: true } });
  const times = rows.map((r) => r.lockedUntil!.getTime());
  return times.length > 0 ? new Date(Math.max(...times)) : null;
}

/**
 * Counts one failure against the key and locks it once the rule's limit is reached. The counter
 * moves with an atomic increment, so simultaneous failures are all counted.
 */
export async function recordFailure(db: ThrottleDb, key: string, rule: ThrottleRule, now: Date): Promise<Date | null> {
  // A window that has passed starts over, unless a lock from it is still running.
  await db.signInThrottle.updateMany({
    where: {
      key,
      windowStart: { lte: new Date(now.getTime() - rule.windowMs) },
      OR: [{ lockedUntil: null }, { lockedUntil: { lte: now } }],
    },
    data: { failures: 0, windowStart: now, lockedUntil: null },
  });
  const row = await db.signInThrottle.upsert({
    where: { key },
    create: { key, failures: 1, windowStart: now },
    update: { failures: { increment: 1 } },
  });
  if (row.failures < rule.maxFailures) return null;
  if (row.lockedUntil && row.lockedUntil > now) return row.lockedUntil;
  const until = new Date(now.getTime() + rule.lockMs);
  await db.signInThrottle.update({ where: { key }, data: { lockedUntil: until } });
  return until;
}

/** Forgets an account's failures after it signs in; an address's count stays, as it may serve others. */
export async function clearFailures(db: ThrottleDb, key: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key } });
}

export function minutesUntil(until: Date, now: Date): number {
  return Math.max(1, Math.ceil((until.getTime() - now.getTime()) / MINUTE));
}
