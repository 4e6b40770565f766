// Creates a back-office account exactly as Better Auth stores one (User + "credential" Account with
// an argon2id hash), for the admin-create CLI, the admin pages and the tests. It is written on the
// editorial writer (one BEGIN IMMEDIATE transaction with its audit entry), the write path every write
// of the archive takes.
import 'server-only';
import { randomBytes } from 'node:crypto';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { isSystemEditor } from '@/lib/editorial/system-editor';
import { nowIso, sharedWriterFor, type Writer } from '@/lib/db';
import { newAccountSchema, type NewAccount } from '@/lib/validation/users';
import type { Editor } from './editor';
import { insertAuthEvent, type AuditActor } from './audit';
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
 * credential account and a "user-created" audit row in one transaction. `target` is the database: a
 * Prisma client of it (its file's shared writer is used) or a writer.
 */
export async function createAccount(target: PrismaClient | Writer, input: NewAccount, actor: AuditActor = {}): Promise<Editor> {
  const parsed = newAccountSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new AccountError(issue.message, issue.path[0] as AccountError['field']);
  }
  const { email, name, role, password } = parsed.data;
  if (isSystemEditor({ email })) throw new AccountError(`The email ${email} is the archive's own and cannot sign in.`, 'email');
  const writer = await sharedWriterFor(target);
  const taken = () => writer.db.prepare('SELECT 1 FROM User WHERE email = ?').get(email) !== undefined;
  const refusal = () => new AccountError(`An account with the email ${email} exists already.`, 'email');
  if (taken()) throw refusal();
  // Hashed before the transaction: argon2 takes tens of milliseconds and SQLite has one writer.
  const passwordHash = await hashPassword(password);
  const id = newAuthId();
  writer.write((db) => {
    // Asked again inside the transaction: two creations racing for one email, the first one wins.
    if (taken()) throw refusal();
    const now = nowIso();
    db.prepare('INSERT INTO User (id, email, name, role, emailVerified, disabled, createdAt, updatedAt) VALUES (?, ?, ?, ?, false, false, ?, ?)').run(
      id,
      email,
      name,
      role,
      now,
      now,
    );
    // Better Auth's signInEmail looks for providerId "credential" with accountId equal to the user id.
    db.prepare(`INSERT INTO Account (id, accountId, providerId, userId, password, createdAt, updatedAt) VALUES (?, ?, 'credential', ?, ?, ?, ?)`).run(
      newAuthId(),
      id,
      id,
      passwordHash,
      now,
      now,
    );
    insertAuthEvent(db, { action: 'user-created', actor, userId: id, summary: `Created ${role} ${email}` });
  });
  return { id, email, name, role };
}
