// Creates a back-office account exactly as Better Auth stores one (User + "credential" Account with
// an argon2id hash), for the admin-create CLI, the admin pages and the tests. No 'server-only': the CLI uses it.
import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { newAccountSchema, type NewAccount } from '@/lib/validation/users';
import type { Editor } from './editor';
import { recordAuthEvent, type AuditActor } from './audit';
import { hashPassword } from './password';

export class AccountError extends Error {
  constructor(
    message: string,
    /** The form field the problem belongs to, so a page can show it there. */
    readonly field?: 'email' | 'name' | 'role' | 'password',
  ) {
    super(message);
  }
}

/** Better Auth's id shape: 32 random letters and digits. */
export function newAuthId(): string {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  // 248 is the largest multiple of 62 below 256: rejecting bytes above it keeps every letter equally likely.
  let id = '';
  while (id.length < 32) {
    for (const byte of randomBytes(48)) {
      if (byte < 248 && id.length < 32) id += alphabet[byte % 62];
    }
  }
  return id;
}

/**
 * Validates, refuses an email already in use, hashes the password and writes the user, its
 * credential account and a "user-created" audit row in one transaction.
 */
export async function createAccount(prisma: PrismaClient, input: NewAccount, actor: AuditActor = {}): Promise<Editor> {
  const parsed = newAccountSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AccountError(issue.message, issue.path[0] as AccountError['field']);
  }
  const { email, name, role, password } = parsed.data;
  if (await prisma.user.findUnique({ where: { email }, select: { id: true } })) {
    throw new AccountError(`An account with the email ${email} exists already.`, 'email');
  }
  // Hashed before the transaction: argon2 takes tens of milliseconds and SQLite has one writer.
  const passwordHash = await hashPassword(password);
  const id = newAuthId();
  try {
    await prisma.$transaction(async (tx) => {
      await tx.user.create({ data: { id, email, name, role, emailVerified: false, disabled: false } });
      // Better Auth's signInEmail looks for providerId "credential" with accountId equal to the user id.
      await tx.account.create({ data: { id: newAuthId(), accountId: id, providerId: 'credential', userId: id, password: passwordHash } });
      await recordAuthEvent(tx, { action: 'user-created', actor, userId: id, summary: `Created ${role} ${email}` });
    });
  } catch (error) {
    // Two creations racing for one email: the unique index decides, the loser hears why.
    if ((error as { code?: string }).code === 'P2002') throw new AccountError(`An account with the email ${email} exists already.`, 'email');
    throw error;
  }
  return { id, email, name, role };
}
