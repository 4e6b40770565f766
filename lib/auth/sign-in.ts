// Signs an editor in with email and password: the throttle first (nothing is hashed or checked while
// a wait or lock applies), then Better Auth, then the throttle's books and the audit row. The sign-in
// server action is this plus cookies.
import 'server-only';
import { isAPIError } from 'better-auth/api';
import { prisma } from '@/lib/db/client';
import { clientAddress } from './client-address';
import { ACCOUNT_DISABLED, getAuth } from './server';
import { admitAttempt, settleFailure, settleSuccess, type SuccessReport } from './throttle';
import { ACCOUNT_LOCKED, INVALID_CREDENTIALS, throttledMessage } from './throttle-rules';
import { CLIENT_ADDRESS_HEADER } from './proxy-headers';

export { INVALID_CREDENTIALS } from './throttle-rules';

export type SignInResult =
  ({ ok: true; userId: string; token: string } & SuccessReport) | { ok: false; reason: 'throttled' | 'locked' | 'invalid' | 'disabled'; message: string };

export interface SignInOptions {
  /** The clock; tests move it to watch a wait run out. */
  now?: () => Date;
  /** The request's headers when it may carry an earlier session, which a successful sign-in ends. */
  replacing?: Headers;
}

/**
 * Signs in from a request: the address is the one lib/auth/client-address.ts trusts (never a header
 * the client wrote), and a session the request already holds is replaced.
 */
export function signInFromRequest(email: string, password: string, requestHeaders: Headers, options: Omit<SignInOptions, 'replacing'> = {}) {
  return signInWithPassword(email, password, clientAddress(requestHeaders), requestHeaders.get('user-agent'), {
    ...options,
    replacing: requestHeaders,
  });
}

/** `ip` is the trusted client address, or null when unknown (then the per-address limit cannot apply). */
export async function signInWithPassword(
  email: string,
  password: string,
  ip: string | null,
  userAgent: string | null,
  options: SignInOptions = {},
): Promise<SignInResult> {
  const now = options.now ?? (() => new Date());
  const address = email.trim().toLowerCase();
  const actor = { email: address, ipAddress: ip };

  const admission = admitAttempt({ email: address, address: ip, at: now() });
  if (!admission.admitted) {
    return admission.locked
      ? { ok: false, reason: 'locked', message: ACCOUNT_LOCKED }
      : { ok: false, reason: 'throttled', message: throttledMessage(admission.waitMs) };
  }

  const previousToken = options.replacing ? await sessionToken(options.replacing) : null;
  const headers = new Headers();
  // Better Auth records both on the session row; the address is the trusted one or none.
  if (ip) headers.set(CLIENT_ADDRESS_HEADER, ip);
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
    const { waitMs, locked } = settleFailure(admission.charge, {
      action: 'sign-in-failed',
      actor,
      summary: outcome === 'disabled' ? 'Refused: account disabled' : 'Wrong email or password',
      at: now(),
    });
    if (locked) return { ok: false, reason: 'locked', message: ACCOUNT_LOCKED };
    // A disabled account is named only to someone who knew its password.
    if (outcome === 'disabled') return { ok: false, reason: 'disabled', message: 'This account is disabled. Ask an admin to enable it.' };
    if (waitMs > 0) return { ok: false, reason: 'throttled', message: `${INVALID_CREDENTIALS} ${throttledMessage(waitMs)}` };
    return { ok: false, reason: 'invalid', message: INVALID_CREDENTIALS };
  }

  // One browser, one session: the one it held before signing in again is revoked.
  if (previousToken && previousToken !== outcome.token) await prisma.session.deleteMany({ where: { token: previousToken } });
  const report = settleSuccess(admission.charge, outcome.userId, { action: 'sign-in', actor: { ...actor, id: outcome.userId }, at: now() });
  return { ok: true, ...outcome, ...report };
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
