// Managing accounts: the admin-create CLI, an admin's role and state changes (with their guards),
// and the audit trail of sign-outs and user changes.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCRIPT_NODE_ARGS } from '@/scripts/node-args';
import { prisma } from '@/lib/db/client';
import { createPrismaClient } from '@/lib/db';
import { AccountError } from '@/lib/auth/accounts';
import type { Editor } from '@/lib/auth/editor';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { signOutSession } from '@/lib/auth/sign-out';
import { CLIENT_ADDRESS_HEADER } from '@/lib/auth/proxy-headers';
import { getAuth } from '@/lib/auth/server';
import { changeRole, createUser, setDisabled } from '@/lib/auth/user-admin';
import { copyTemplateUrl } from '@/tests/support/per-file-database';

const PASSWORD = 'a password for tests';
let admin: Editor;
let editor: Editor;

beforeAll(async () => {
  // The first admin comes from the CLI in real life; createUser needs an admin to act, so seed one directly.
  const { createAccount } = await import('@/lib/auth/accounts');
  admin = await createAccount(prisma, { email: 'chief@example.org', name: 'Chief', role: 'admin', password: PASSWORD });
  editor = await createUser({ ...admin, ipAddress: '203.0.113.1' }, { email: 'new@example.org', name: 'New Editor', role: 'editor', password: PASSWORD });
});
afterAll(() => prisma.$disconnect());

describe('an admin managing users', () => {
  it('creates a user who can sign in, and the audit names the admin', async () => {
    expect((await signInWithPassword('new@example.org', PASSWORD, null, null)).ok).toBe(true);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'user-created', entityId: editor.id } });
    expect(event).toMatchObject({ actorId: admin.id, actorEmail: 'chief@example.org', ipAddress: '203.0.113.1' });
  });

  it('changes a role, with a user-updated event', async () => {
    await changeRole(admin, { userId: editor.id, role: 'admin' });
    expect((await prisma.user.findUniqueOrThrow({ where: { id: editor.id } })).role).toBe('admin');
    await changeRole(admin, { userId: editor.id, role: 'editor' });
    const events = await prisma.auditEvent.findMany({ where: { action: 'user-updated', entityId: editor.id } });
    expect(events.map((e) => e.summary)).toEqual(['Role of new@example.org: editor → admin', 'Role of new@example.org: admin → editor']);
  });

  it('disables (ending every session) and enables again', async () => {
    await signInWithPassword('new@example.org', PASSWORD, null, null);
    expect(await prisma.session.count({ where: { userId: editor.id } })).toBeGreaterThan(0);
    await setDisabled(admin, { userId: editor.id, disabled: true });
    expect(await prisma.session.count({ where: { userId: editor.id } })).toBe(0);
    await setDisabled(admin, { userId: editor.id, disabled: false });
    expect((await signInWithPassword('new@example.org', PASSWORD, null, null)).ok).toBe(true);
  });

  it('refuses to act on oneself, to leave no enabled admin, and an editor acting as admin', async () => {
    await expect(changeRole(admin, { userId: admin.id, role: 'editor' })).rejects.toThrow('You cannot change your own role.');
    await expect(setDisabled(admin, { userId: admin.id, disabled: true })).rejects.toThrow('You cannot disable your own account.');
    await expect(setDisabled(editor, { userId: admin.id, disabled: true })).rejects.toThrow('Only an admin can manage users.');
    await expect(createUser(editor, { email: 'x@example.org', name: 'X', role: 'admin', password: PASSWORD })).rejects.toThrow(AccountError);

    // With a second admin, demoting the first is allowed, and the demoted one can act no more.
    await changeRole(admin, { userId: editor.id, role: 'admin' });
    const second = { ...editor, role: 'admin' as const };
    await changeRole(second, { userId: admin.id, role: 'editor' });
    await expect(setDisabled(admin, { userId: second.id, disabled: true })).rejects.toThrow(/Only an admin/);
    await changeRole(second, { userId: admin.id, role: 'admin' });
    await changeRole(admin, { userId: editor.id, role: 'editor' });
  });
});

describe('signing out', () => {
  it('deletes the session and records a sign-out event', async () => {
    const { headers } = await getAuth().api.signInEmail({ body: { email: 'chief@example.org', password: PASSWORD }, returnHeaders: true });
    const cookie = headers
      .getSetCookie()
      .map((c) => c.split(';')[0])
      .join('; ');
    const request = new Headers({ cookie, [CLIENT_ADDRESS_HEADER]: '203.0.113.5' });
    const sessionsBefore = await prisma.session.count({ where: { userId: admin.id } });

    expect(await signOutSession(request)).toMatchObject({ id: admin.id });
    expect(await prisma.session.count({ where: { userId: admin.id } })).toBe(sessionsBefore - 1);
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'sign-out', actorId: admin.id } });
    expect(event).toMatchObject({ actorEmail: 'chief@example.org', ipAddress: '203.0.113.5' });
  });
});

describe('Better Auth over HTTP', () => {
  it('keeps sign-in, sign-up and sign-out closed, so every one goes through the throttled, audited actions', async () => {
    for (const route of ['sign-in/email', 'sign-up/email', 'sign-out', 'change-password', 'update-user']) {
      const response = await getAuth().handler(
        new Request(`http://localhost:3000/api/auth/${route}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', origin: 'http://localhost:3000' },
          body: JSON.stringify({ email: 'chief@example.org', password: PASSWORD, name: 'X' }),
        }),
      );
      expect(response.status, route).toBe(404);
    }
  });

  it('still answers get-session', async () => {
    const response = await getAuth().handler(new Request('http://localhost:3000/api/auth/get-session'));
    expect(response.status).toBe(200);
  });
});

describe('npm run admin:create', () => {
  const databaseUrl = copyTemplateUrl('migratedTemplate');
  const run = (args: string[], env: Record<string, string>) =>
    spawnSync(process.execPath, [...SCRIPT_NODE_ARGS, 'scripts/admin-create.ts', ...args], {
      encoding: 'utf8',
      env: { ...process.env, DATABASE_URL: databaseUrl, ADMIN_PASSWORD: '', ...env },
      // Not a terminal: without ADMIN_PASSWORD it must refuse rather than wait for typing.
      stdio: ['pipe', 'pipe', 'pipe'],
    });

  // Argument and password rules are unit-tested (tests/unit/auth/admin-create.test.ts); this runs the real command.
  it('creates an admin from ADMIN_PASSWORD and refuses the same email again', async () => {
    const created = run(['--email', 'First@Example.org', '--name', 'First Admin'], { ADMIN_PASSWORD: PASSWORD });
    expect(created.stderr).toBe('');
    expect(created.stdout).toContain('Created admin first@example.org');

    const again = run(['--email', 'first@example.org'], { ADMIN_PASSWORD: PASSWORD });
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('exists already');

    const other = createPrismaClient(databaseUrl);
    try {
      expect(await other.user.findMany({ select: { email: true, role: true, name: true } })).toEqual([
        { email: 'first@example.org', role: 'admin', name: 'First Admin' },
      ]);
      const account = await other.account.findFirstOrThrow();
      expect(account.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    } finally {
      await other.$disconnect();
    }
  });
});
