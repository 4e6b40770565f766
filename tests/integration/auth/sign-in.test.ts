// Signing in against a real database: accounts made by createAccount work with Better Auth, hashes are
// argon2id at OWASP's cost, failures are throttled per (account, address) pair and per address, and all
// of it is audited. The throttle's other rules are in auth-throttle.test.ts.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { AccountError, createAccount } from '@/lib/auth/accounts';
import { getAuth } from '@/lib/auth/server';
import { setDisabled } from '@/lib/auth/user-admin';
import { INVALID_CREDENTIALS, signInWithPassword } from '@/lib/auth/sign-in';

const PASSWORD = 'correct horse battery staple';
let adminId = '';

beforeAll(async () => {
  adminId = (await createAccount(prisma, { email: 'Admin@Example.org', name: 'Ada Admin', role: 'admin', password: PASSWORD })).id;
});

afterAll(() => prisma.$disconnect());

const auditRows = (action: string, actorEmail: string) => prisma.auditEvent.findMany({ where: { action, actorEmail }, orderBy: { id: 'asc' } });

describe('createAccount', () => {
  it('stores an argon2id hash with m=19456, t=2, p=1 in a credential account Better Auth can find', async () => {
    const account = await prisma.account.findFirstOrThrow({ where: { userId: adminId } });
    expect(account.providerId).toBe('credential');
    expect(account.accountId).toBe(adminId);
    expect(account.password).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(account.password).not.toContain(PASSWORD);
  });

  it('lower-cases the email and records a user-created event', async () => {
    const user = await prisma.user.findUniqueOrThrow({ where: { id: adminId } });
    expect(user).toMatchObject({ email: 'admin@example.org', role: 'admin', disabled: false });
    const [event] = await prisma.auditEvent.findMany({ where: { action: 'user-created', entityId: adminId } });
    expect(event.summary).toContain('admin@example.org');
  });

  it('refuses an email in use, in any case, and a short password', async () => {
    await expect(createAccount(prisma, { email: 'ADMIN@example.org', name: 'Again', role: 'editor', password: PASSWORD })).rejects.toThrow(AccountError);
    await expect(createAccount(prisma, { email: 'short@example.org', name: 'Short', role: 'editor', password: 'elevenchars' })).rejects.toThrow(/at least 12/);
    expect(await prisma.user.count({ where: { email: 'short@example.org' } })).toBe(0);
  });
});

describe("Better Auth's signInEmail", () => {
  it('accepts an account made by createAccount and returns a session token', async () => {
    const result = await getAuth().api.signInEmail({ body: { email: 'admin@example.org', password: PASSWORD } });
    expect(result.token).toMatch(/^\w{20,}$/);
    const session = await prisma.session.findUniqueOrThrow({ where: { token: result.token } });
    expect(session.userId).toBe(adminId);
  });

  it('refuses a wrong password', async () => {
    await expect(getAuth().api.signInEmail({ body: { email: 'admin@example.org', password: 'not the password' } })).rejects.toThrow();
  });

  it('refuses sign-up: admins make accounts', async () => {
    await expect(getAuth().api.signUpEmail({ body: { email: 'self@example.org', password: PASSWORD, name: 'Self' } })).rejects.toThrow();
    expect(await prisma.user.count({ where: { email: 'self@example.org' } })).toBe(0);
  });
});

describe('signInWithPassword', () => {
  it('signs in, gives a new token each time, records the session address and a sign-in event', async () => {
    const first = await signInWithPassword(' Admin@example.org ', PASSWORD, '203.0.113.7', 'Vitest');
    const second = await signInWithPassword('admin@example.org', PASSWORD, '203.0.113.7', 'Vitest');
    if (!first.ok || !second.ok) throw new Error('sign-in failed');
    expect(first.token).not.toBe(second.token);
    const session = await prisma.session.findUniqueOrThrow({ where: { token: second.token } });
    expect(session).toMatchObject({ userId: adminId, ipAddress: '203.0.113.7', userAgent: 'Vitest' });
    const events = await auditRows('sign-in', 'admin@example.org');
    expect(events.at(-1)).toMatchObject({ actorId: adminId, ipAddress: '203.0.113.7' });
  });

  it('refuses a wrong password with one message for every cause and records the email tried, never the password', async () => {
    const wrong = await signInWithPassword('admin@example.org', 'wrong password 1', '203.0.113.8', null);
    const unknown = await signInWithPassword('nobody@example.org', 'wrong password 1', '203.0.113.8', null);
    expect(wrong).toEqual({ ok: false, reason: 'invalid', message: INVALID_CREDENTIALS });
    expect(unknown).toEqual({ ok: false, reason: 'invalid', message: INVALID_CREDENTIALS });
    const [event] = await auditRows('sign-in-failed', 'nobody@example.org');
    expect(event).toMatchObject({ actorId: null, ipAddress: '203.0.113.8' });
    const everything = JSON.stringify(await prisma.auditEvent.findMany());
    expect(everything).not.toContain('wrong password 1');
  });
});

describe('throttling', () => {
  const email = 'throttled@example.org';
  beforeAll(async () => {
    await createAccount(prisma, { email, name: 'Throttled', role: 'editor', password: PASSWORD });
  });

  it('makes one address wait after 4 failures on one account, without checking the password, then lets it in', async () => {
    const t0 = new Date('2030-01-01T10:00:00Z').getTime();
    const at = (seconds: number) => () => new Date(t0 + seconds * 1000);
    const ip = '198.51.100.1';
    for (let i = 1; i <= 4; i++) {
      expect(await signInWithPassword(email, 'nope nope nope', ip, null, { now: at(i) })).toMatchObject({ reason: 'invalid' });
    }
    expect(await signInWithPassword(email, 'nope nope nope', ip, null, { now: at(5) })).toEqual({
      ok: false,
      reason: 'throttled',
      message: 'Email or password is incorrect. Too many failed sign-ins; try again in 1 second.',
    });

    // Within the wait even the right password is not checked: no session, nothing counted.
    const sessionsBefore = await prisma.session.count();
    const waiting = await signInWithPassword(email, PASSWORD, ip, null, { now: at(5.5) });
    expect(waiting).toEqual({ ok: false, reason: 'throttled', message: 'Too many failed sign-ins; try again in 1 second.' });
    expect(await prisma.session.count()).toBe(sessionsBefore);
    expect(await prisma.signInPairThrottle.findUniqueOrThrow({ where: { email_address: { email, address: ip } } })).toMatchObject({ failures: 5 });

    const lifted = await signInWithPassword(email, PASSWORD, ip, null, { now: at(6) });
    expect(lifted.ok).toBe(true);
    // Success forgets the pair's failures.
    expect(await prisma.signInPairThrottle.findUnique({ where: { email_address: { email, address: ip } } })).toBeNull();
  });

  it('locks an address after 20 failures across many accounts, whatever the account', async () => {
    const now = () => new Date('2030-02-01T10:00:00Z');
    const ip = '192.0.2.99';
    for (let i = 0; i < 19; i++) {
      expect(await signInWithPassword(`guess${i}@example.org`, 'guess guess', ip, null, { now })).toMatchObject({ reason: 'invalid' });
    }
    expect(await signInWithPassword('guess19@example.org', 'guess guess', ip, null, { now })).toMatchObject({ reason: 'throttled' });
    // The right password for a real account is not even tried from that address...
    expect(await signInWithPassword('admin@example.org', PASSWORD, ip, null, { now })).toMatchObject({ reason: 'throttled' });
    // ...while the account itself is fine from elsewhere.
    expect((await signInWithPassword('admin@example.org', PASSWORD, '192.0.2.100', null, { now })).ok).toBe(true);
  });
});

describe('a disabled user', () => {
  it('cannot sign in, and disabling ended the sessions they had', async () => {
    const user = await createAccount(prisma, { email: 'leaver@example.org', name: 'Leaver', role: 'editor', password: PASSWORD });
    const before = await signInWithPassword('leaver@example.org', PASSWORD, '192.0.2.1', null);
    expect(before.ok).toBe(true);

    await setDisabled({ id: adminId, name: 'Ada Admin', email: 'admin@example.org', role: 'admin' }, { userId: user.id, disabled: true });
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);

    const after = await signInWithPassword('leaver@example.org', PASSWORD, '192.0.2.1', null);
    expect(after).toMatchObject({ ok: false, reason: 'disabled' });
    expect(await prisma.session.count({ where: { userId: user.id } })).toBe(0);
    // Better Auth's own endpoint refuses too: the session hook is the last word.
    await expect(getAuth().api.signInEmail({ body: { email: 'leaver@example.org', password: PASSWORD } })).rejects.toThrow(/disabled/);
  });
});
