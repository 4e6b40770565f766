// Sign-in from a request whose X-Forwarded-For the client made up, with no trusted proxy: the made-up
// addresses reach neither the throttle nor the audit log. Written against lib/auth/client-address.ts's
// contract: an address only from the header the app's own server sets (absent here), else null.
import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { createAccount } from '@/lib/auth/accounts';
import { signInFromRequest } from '@/lib/auth/sign-in';

const PASSWORD = 'the owner knows this one';
beforeAll(async () => {
  await createAccount(prisma, { email: 'spoofed@example.org', name: 'Spoofed', role: 'editor', password: PASSWORD });
});
afterAll(() => prisma.$disconnect());

const madeUp = () => `${randomInt(1, 224)}.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;

describe('a made-up X-Forwarded-For on every try', () => {
  it('does not escape the wait, and no made-up address is counted or audited', async () => {
    const t = new Date('2032-01-01T09:00:00Z');
    const sent: string[] = [];
    const said: string[] = [];
    for (let i = 0; i < 8; i++) {
      // Forms a client can send: one address, a chain, and one that claims to be local.
      const forwarded = i % 3 === 0 ? madeUp() : i % 3 === 1 ? `${madeUp()}, ${madeUp()}` : `${madeUp()}, 127.0.0.1`;
      sent.push(...forwarded.split(', '));
      const headers = new Headers({ 'x-forwarded-for': forwarded, 'x-real-ip': madeUp(), 'user-agent': 'Spoofer' });
      const result = await signInFromRequest('spoofed@example.org', 'a guess of the password', headers, { now: () => t });
      said.push(result.ok ? 'ok' : result.reason);
    }
    expect(said).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'throttled', 'throttled', 'throttled', 'throttled']);
    // One pair, "unknown", holds every try; no address was counted at all.
    expect(await prisma.signInPairThrottle.findMany({ where: { email: 'spoofed@example.org' }, select: { address: true, failures: true } })).toEqual([
      { address: 'unknown', failures: 5 },
    ]);
    expect(await prisma.signInThrottle.count({ where: { key: { in: sent.map((a) => `ip:${a}`) } } })).toBe(0);

    const audit = await prisma.auditEvent.findMany({ where: { actorEmail: 'spoofed@example.org', action: 'sign-in-failed' }, select: { ipAddress: true } });
    expect(audit).toHaveLength(8);
    expect(audit.every((row) => row.ipAddress === null)).toBe(true);

    // Even the right password waits its turn.
    const right = await signInFromRequest('spoofed@example.org', PASSWORD, new Headers({ 'x-forwarded-for': madeUp() }), { now: () => t });
    expect(right).toMatchObject({ ok: false, reason: 'throttled' });
  });
});
