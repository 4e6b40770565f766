// What an admin does to accounts: list them, create one, change a role, disable or enable, lift a
// sign-in lock. Actions
// call requireAdmin() first; these functions check the actor's role again and guard the rules that
// hold whoever calls them (nobody locks themselves out; one enabled admin always remains).
import 'server-only';
import { prisma } from '@/lib/db/client';
import { isSystemEditor, SYSTEM_EDITOR } from '@/lib/editorial/system-editor';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { NewAccount } from '@/lib/validation/users';
import type { Editor, EditorRole } from './editor';
import { AccountError, createAccount } from './accounts';
import { recordAuthEvent } from './audit';
import { requireAdmin } from './session';

export interface UserSummary {
  id: string;
  name: string;
  email: string;
  role: EditorRole;
  disabled: boolean;
  createdAt: Date;
  /** Set when the account reached its ceiling of failed sign-ins and is locked for new addresses. */
  signInLock: { lockedAt: Date; failures: number } | null;
}

/** The admin acting, with the address the request came from, for the audit log. */
export type AdminActor = Editor & { ipAddress?: string | null };
type Tx = Parameters<Parameters<PrismaClient['$transaction']>[0]>[0];

export async function listUsers(): Promise<UserSummary[]> {
  await requireAdmin();
  const [users, locks] = await Promise.all([
    // The system editor (the seed's and the scripts' author) is no account: it has no password to manage.
    prisma.user.findMany({
      where: { id: { not: SYSTEM_EDITOR.id } },
      select: { id: true, name: true, email: true, role: true, disabled: true, createdAt: true },
      orderBy: [{ disabled: 'asc' }, { email: 'asc' }],
    }),
    // Keyed by email, as the throttle counts any email tried; only the users' own matter here.
    prisma.signInAccountGuard.findMany({ where: { lockedAt: { not: null } }, select: { email: true, lockedAt: true, failures: true } }),
  ]);
  const lockOf = new Map(locks.map((lock) => [lock.email, { lockedAt: lock.lockedAt!, failures: lock.failures }]));
  return users.map((user) => ({ ...user, signInLock: lockOf.get(user.email) ?? null }));
}

export async function createUser(actor: AdminActor, input: NewAccount): Promise<Editor> {
  await assertAdmin(prisma, actor);
  return createAccount(prisma, input, audited(actor));
}

export async function changeRole(actor: AdminActor, input: { userId: string; role: EditorRole }): Promise<void> {
  // Nobody demotes themselves by accident and locks the back office out of its own user pages.
  if (input.userId === actor.id) throw new AccountError('You cannot change your own role.');
  await changeUser(actor, input.userId, async (tx, user) => {
    if (user.role === input.role) return null;
    if (user.role === 'admin' && !user.disabled) await keepOneAdmin(tx);
    await tx.user.update({ where: { id: user.id }, data: { role: input.role } });
    return `Role of ${user.email}: ${user.role} → ${input.role}`;
  });
}

/** Disabling also deletes every session of the user, so they are signed out at their next request. */
export async function setDisabled(actor: AdminActor, input: { userId: string; disabled: boolean }): Promise<void> {
  if (input.userId === actor.id) throw new AccountError('You cannot disable your own account.');
  await changeUser(actor, input.userId, async (tx, user) => {
    if (user.disabled === input.disabled) return null;
    if (input.disabled && user.role === 'admin') await keepOneAdmin(tx);
    await tx.user.update({ where: { id: user.id }, data: { disabled: input.disabled } });
    if (input.disabled) await tx.session.deleteMany({ where: { userId: user.id } });
    return `${input.disabled ? 'Disabled' : 'Enabled'} ${user.email}`;
  });
}

/**
 * Lifts the lock an account gets at its ceiling of failed sign-ins, so it can sign in from new
 * addresses again; its count starts over. An admin may lift their own: they are signed in already.
 */
export async function liftSignInLock(actor: AdminActor, input: { userId: string }): Promise<void> {
  await changeUser(actor, input.userId, async (tx, user) => {
    const guard = await tx.signInAccountGuard.findUnique({ where: { email: user.email }, select: { lockedAt: true, failures: true } });
    if (!guard?.lockedAt) return null;
    await tx.signInAccountGuard.update({ where: { email: user.email }, data: { lockedAt: null, failures: 0, windowStart: new Date() } });
    return `Lifted the sign-in lock of ${user.email} (${guard.failures} failed sign-ins from new addresses)`;
  });
}

/**
 * One admin change to one account, in one transaction: the actor checked against the database, the user
 * found, and an audit entry when `change` did something (it returns the entry's summary, or null).
 */
async function changeUser(actor: AdminActor, userId: string, change: (tx: Tx, user: Awaited<ReturnType<typeof findUser>>) => Promise<string | null>) {
  await prisma.$transaction(async (tx) => {
    await assertAdmin(tx, actor);
    const user = await findUser(tx, userId);
    const summary = await change(tx, user);
    if (summary !== null) await recordAuthEvent(tx, { action: 'user-updated', actor: audited(actor), userId: user.id, summary });
  });
}

/** Asks the database, not the actor object: an admin demoted or disabled a moment ago is no longer one. */
async function assertAdmin(db: Tx, actor: AdminActor) {
  const current = await db.user.findUnique({ where: { id: actor.id }, select: { role: true, disabled: true } });
  if (actor.role !== 'admin' || current?.role !== 'admin' || current.disabled) throw new AccountError('Only an admin can manage users.');
}

const audited = (actor: AdminActor) => ({ id: actor.id, email: actor.email, ipAddress: actor.ipAddress ?? null });

async function findUser(tx: Tx, id: string) {
  const user = await tx.user.findUnique({ where: { id }, select: { id: true, email: true, role: true, disabled: true } });
  if (!user || isSystemEditor(user)) throw new AccountError('There is no such user.');
  return user;
}

/** Refuses a change that would take away the last enabled admin (two admins demoting each other at once). */
async function keepOneAdmin(tx: Tx) {
  const admins = await tx.user.count({ where: { role: 'admin', disabled: false } });
  if (admins <= 1) throw new AccountError('The archive needs at least one enabled admin.');
}
