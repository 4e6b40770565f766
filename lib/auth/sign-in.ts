// Signs an editor in with email and password: throttle first (the password is not even checked while
// locked), then Better Auth, then the audit row. The sign-in server action is this plus cookies.
import 'server-only';
import { isAPIError } from 'better-auth/api';
import { prisma } from '@/lib/db/client';
import { recordAuthEvent } from './audit';
import { ACCOUNT_DISABLED, getAuth } from './server';
import { clearFailures, EMAIL_RULE, emailKey, IP_RULE, ipKey, lockedUntil, minutesUntil, recordFailure } from './throttle';

export type SignInResult =
  | { ok: true; userId: string; token: string }
  | { ok: false; reason: 'throttled' | 'invalid' | 'disabled'; message: string };

export interface SignInOptions {
  /** The clock; tests move it to watch a lock lift. */
  now?: () => Date;
  /** The request's headers when it may carry an earlier session, which a successful sign-in ends. */
  replacing?: Headers;
}

export const INVALID_CREDENTIALS = 'Email or password is incorrect.';
export const throttledMessage = (minutes: number) =>
  `Too many failed sign-ins; try again in ${minutes} ${minutes === 1 ? 'minute' : 'minutes'}.`;

export async function signInWithPassword(
  email: string,
  password: string,
  ip: string | null,
  userAgent: string | null,
  options: SignInOptions = {},
): Promise<SignInResult> {
  const now = options.now ?? (() => new Date());
  const address = email.trim().toLowerCase();
  const keys = [emailKey(address), ...(ip ? [ipKey(ip)] : [])];
  const actor = { email: address, ipAddress: ip };

  const locked = await lockedUntil(prisma, keys, now());
  if (locked) {
    await recordAuthEvent(prisma, { action: 'sign-in-failed', actor, summary: 'Refused: too many failed sign-ins', at: now() });
    return { ok: false, reason: 'throttled', message: throttledMessage(minutesUntil(locked, now())) };
  }

  const previousToken = options.replacing ? await sessionToken(options.replacing) : null;
  const headers = new Headers();
  // Better Auth records both on the session row.
  if (ip) headers.set('x-forwarded-for', ip);
  if (userAgent) headers.set('user-agent', userAgent.slice(0, 500));

  let outcome: { userId: string; token: string } | 'invalid' | 'disabled';
  try {
    const result = await getAuth().api.signInEmail({ body: { email: address, password, rememberMe: true }, headers });
    outcome = { userId: result.user.id, token: result.token };
  } catch (error) {
    if (!isAPIError(error)) throw error;
    outcome = (error.body as { code?: string } | undefined)?.code === ACCOUNT_DISABLED ? 'disabled' : 'invalid';
  }

  if (typeof outcome === 'string') {
    const at = now();
    const [emailLock, ipLock] = await Promise.all([
      recordFailure(prisma, emailKey(address), EMAIL_RULE, at),
      ip ? recordFailure(prisma, ipKey(ip), IP_RULE, at) : null,
    ]);
    await recordAuthEvent(prisma, {
      action: 'sign-in-failed',
      actor,
      summary: outcome === 'disabled' ? 'Refused: account disabled' : 'Wrong email or password',
      at,
    });
    const lock = [emailLock, ipLock].filter((d): d is Date => d !== null).sort((a, b) => b.getTime() - a.getTime())[0];
    if (lock) return { ok: false, reason: 'throttled', message: throttledMessage(minutesUntil(lock, at)) };
    // A disabled account is named only to someone who knew its password.
    return outcome === 'disabled'
      ? { ok: false, reason: 'disabled', message: 'This account is disabled. Ask an admin to enable it.' }
      : { ok: false, reason: 'invalid', message: INVALID_CREDENTIALS };
  }

  await clearFailures(prisma, emailKey(address));
  // One browser, one session: the one it held before signing in again is revoked.
  if (previousToken && previousToken !== outcome.token) await prisma.session.deleteMany({ where: { token: previousToken } });
  await recordAuthEvent(prisma, { action: 'sign-in', actor: { ...actor, id: outcome.userId }, at: now() });
  return { ok: true, ...outcome };
}

/** The token of a valid session the headers' cookie names, checked by Better Auth (signature and expiry). */
async function sessionToken(headers: Headers): Promise<string | null> {
  try {
    const current = await getAuth().api.getSession({ headers, query: { disableRefresh: true } });
    return current?.session.token ?? null;
  } catch {
    return null;
  }
}
