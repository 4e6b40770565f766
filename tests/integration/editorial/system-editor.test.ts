// The system editor the seed and the scripts act as: a user that can never sign in, refused as an
// account, and refused as an author once anyone gives it a way in. Accounts are written on the same
// writer as every editorial change, with their audit entry.
import { describe, expect, it } from 'vitest';
import { AccountError, createAccount } from '@/lib/auth/accounts';
import { changeRole, setDisabled } from '@/lib/auth/user-admin';
import { prisma } from '@/lib/db/client';
import { nowIso } from '@/lib/db';
import { EditorialError, type Writer } from '@/lib/editorial';
import { ensureSystemEditor, SYSTEM_EDITOR } from '@/lib/editorial/system-editor';
import { scratchWriter } from '@/tests/support/scratch-writer';
import { createDocumentFixture } from '@/tests/support/factories';

const fresh = () => scratchWriter();

const PASSWORD = 'a long enough password';
const count = (writer: Writer, sql: string, ...args: unknown[]) =>
  writer.db
    .prepare(sql)
    .pluck()
    .get(...args) as number;

describe('the system editor', () => {
  it('cannot be made an account with a password', async () => {
    const writer = fresh();
    const refused = await createAccount(writer, { email: SYSTEM_EDITOR.email.toUpperCase(), name: 'Impostor', role: 'admin', password: PASSWORD }).catch(
      (e) => e,
    );
    expect(refused).toBeInstanceOf(AccountError);
    expect(refused.field).toBe('email');
    expect(count(writer, 'SELECT COUNT(*) FROM Account WHERE userId = ?', SYSTEM_EDITOR.id)).toBe(0);
  });

  it('refuses to write in its name once it has a credential account or was enabled, writing nothing', async () => {
    const writer = fresh();
    const documents = count(writer, 'SELECT COUNT(*) FROM Document');
    writer.db
      .prepare(
        "INSERT INTO Account (id, accountId, providerId, userId, password, createdAt, updatedAt) VALUES ('x', 'system', 'credential', 'system', 'h', ?, ?)",
      )
      .run(nowIso(), nowIso());
    await expect(createDocumentFixture(writer, { slug: 'never-written', passages: [{ speaker: 'Pat Moss', text: 'Not saved.' }] })).rejects.toThrow(
      EditorialError,
    );
    writer.db.prepare("DELETE FROM Account WHERE id = 'x'").run();
    writer.db.prepare("UPDATE User SET disabled = false WHERE id = 'system'").run();
    expect(() => writer.write((db) => ensureSystemEditor(db))).toThrow(/not the archive's system editor/);
    expect(count(writer, 'SELECT COUNT(*) FROM Document')).toBe(documents);
    expect(count(writer, "SELECT COUNT(*) FROM Speaker WHERE name = 'Pat Moss'")).toBe(0);
  });

  it('is no account an admin can promote or enable', async () => {
    // The seeded archive of this file (DATABASE_URL) has the system editor: the seed wrote as it.
    expect(await prisma.user.count({ where: { id: SYSTEM_EDITOR.id } })).toBe(1);
    const admin = await createAccount(prisma, { email: 'chief@example.org', name: 'Chief', role: 'admin', password: PASSWORD });
    await expect(changeRole(admin, { userId: SYSTEM_EDITOR.id, role: 'admin' })).rejects.toThrow('There is no such user.');
    await expect(setDisabled(admin, { userId: SYSTEM_EDITOR.id, disabled: false })).rejects.toThrow('There is no such user.');
    expect(await prisma.user.findUnique({ where: { id: SYSTEM_EDITOR.id }, select: { role: true, disabled: true } })).toEqual({
      role: 'editor',
      disabled: true,
    });
  });
});

describe('createAccount on the writer', () => {
  it('writes the user, its credential account and a user-created audit entry as one transaction', async () => {
    const writer = fresh();
    const user = await createAccount(
      writer,
      { email: 'new@example.org', name: 'New', role: 'editor', password: PASSWORD },
      { id: 'u-root', email: 'root@example.org' },
    );
    expect(count(writer, "SELECT COUNT(*) FROM Account WHERE userId = ? AND providerId = 'credential'", user.id)).toBe(1);
    expect(writer.db.prepare("SELECT actorId, action, entityId FROM AuditEvent WHERE action = 'user-created'").all()).toEqual([
      { actorId: 'u-root', action: 'user-created', entityId: user.id },
    ]);
    await expect(createAccount(writer, { email: 'new@example.org', name: 'Again', role: 'editor', password: PASSWORD })).rejects.toThrow(/exists already/);
    expect(count(writer, 'SELECT COUNT(*) FROM User WHERE email = ?', 'new@example.org')).toBe(1);
  });
});
