// What the owner of an account is told after signing in: how many failed sign-ins others made since
// their previous sign-in, and whether the account is locked for addresses new to it.
import 'server-only';
import { prisma } from '@/lib/db/client';
import { getEditor } from './session';

export interface SignInNotice {
  failuresElsewhere: number;
  /** When the account reached its ceiling of failed sign-ins; null when not locked. */
  lockedAt: Date | null;
}

/** The signed-in editor's notice, or null for a visitor without a session. */
export async function currentSignInNotice(): Promise<{ notice: SignInNotice; isAdmin: boolean } | null> {
  const editor = await getEditor();
  if (!editor) return null;
  const guard = await prisma.signInAccountGuard.findUnique({ where: { email: editor.email }, select: { noticeFailures: true, lockedAt: true } });
  return { notice: { failuresElsewhere: guard?.noticeFailures ?? 0, lockedAt: guard?.lockedAt ?? null }, isAdmin: editor.role === 'admin' };
}
