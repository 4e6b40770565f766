// Turns a request's session cookie into an Editor: Better Auth checks the signature and the idle
// deadline; this adds the absolute timeout, disabled accounts, and rolling the idle deadline where
// Better Auth cannot (server components, which must not write cookies).
import 'server-only';
import { isAPIError } from 'better-auth/api';
import { prisma } from '@/lib/db/client';
import type { Editor } from './editor';
import { getAuth } from './server';
import { ABSOLUTE_TIMEOUT_MS, IDLE_TIMEOUT_SECONDS, SESSION_UPDATE_AGE_SECONDS } from './timeouts';

export interface CheckedSession {
  editor: Editor;
  sessionId: string;
  token: string;
}

export async function checkSession(headers: Headers, now: Date = new Date()): Promise<CheckedSession | null> {
  let found;
  try {
    found = await getAuth().api.getSession({ headers });
  } catch (error) {
    // A session deleted mid-request is a signed-out visitor; a database failure stays an error.
    if (isAPIError(error) && error.status === 'UNAUTHORIZED') return null;
    throw error;
  }
  if (!found) return null;
  const { session, user } = found;

  const absoluteDeadline = session.createdAt.getTime() + ABSOLUTE_TIMEOUT_MS;
  if (now.getTime() >= absoluteDeadline || user.disabled) {
    await prisma.session.deleteMany({ where: { id: session.id } });
    return null;
  }
  await rollIdleDeadline(session.id, session.expiresAt, absoluteDeadline, now);

  const role = user.role === 'admin' ? 'admin' : 'editor';
  return { editor: { id: user.id, name: user.name, email: user.email, role }, sessionId: session.id, token: session.token };
}

/**
 * Better Auth moves the deadline only where it can also rewrite the cookie (actions, route
 * handlers); a page view is activity too, so it moves here, never past the absolute deadline.
 * proxy.ts keeps the cookie alive for as long.
 */
async function rollIdleDeadline(sessionId: string, expiresAt: Date, absoluteDeadline: number, now: Date) {
  const lastRolled = expiresAt.getTime() - IDLE_TIMEOUT_SECONDS * 1000;
  if (now.getTime() - lastRolled < SESSION_UPDATE_AGE_SECONDS * 1000 || expiresAt.getTime() >= absoluteDeadline) return;
  const next = Math.min(now.getTime() + IDLE_TIMEOUT_SECONDS * 1000, absoluteDeadline);
  await prisma.session.updateMany({ where: { id: sessionId }, data: { expiresAt: new Date(next), updatedAt: now } });
}
