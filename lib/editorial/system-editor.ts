// The system editor: who the seed, the command-line import and other scripts act as, so that what
// they write has its revision and audit entry like any editor's change. It is a User row that can
// never sign in: it has no credential Account (Better Auth finds no password to check) and it is
// disabled. It is created on first use, inside the write that needs it, so a database that never ran
// a script has no such row.
import 'server-only';
import type { Editor } from '@/lib/auth/editor';
import { EditorialError } from './errors';
import { sql } from './snapshots';
import { nowIso, type WriteDb } from '@/lib/db';

/** ".invalid" is reserved (RFC 2606): no real mailbox has this address. */
export const SYSTEM_EDITOR: Editor = Object.freeze({ id: 'system', name: 'Archive system', email: 'system@archive.invalid', role: 'editor' });

export const isSystemEditor = (user: { id?: string | null; email?: string | null }) =>
  user.id === SYSTEM_EDITOR.id || user.email?.toLowerCase() === SYSTEM_EDITOR.email;

/** Makes sure the system editor's row exists (inside the caller's transaction) and returns it. */
export function ensureSystemEditor(db: WriteDb): Editor {
  const row = sql(db, 'SELECT email, disabled FROM User WHERE id = ?').get(SYSTEM_EDITOR.id) as { email: string; disabled: number } | undefined;
  if (!row) {
    const now = nowIso();
    sql(db, `INSERT INTO User (id, name, email, emailVerified, role, disabled, createdAt, updatedAt) VALUES (?, ?, ?, false, 'editor', true, ?, ?)`).run(
      SYSTEM_EDITOR.id,
      SYSTEM_EDITOR.name,
      SYSTEM_EDITOR.email,
      now,
      now,
    );
  } else if (row.email !== SYSTEM_EDITOR.email || !row.disabled) {
    // Someone gave the reserved id another identity or enabled it: refuse to act in its name.
    throw new EditorialError(`The user "${SYSTEM_EDITOR.id}" is not the archive's system editor; nothing was written.`);
  }
  if (sql(db, 'SELECT 1 FROM Account WHERE userId = ?').get(SYSTEM_EDITOR.id)) {
    throw new EditorialError('The system editor has a sign-in account, which it must never have; nothing was written.');
  }
  return SYSTEM_EDITOR;
}
