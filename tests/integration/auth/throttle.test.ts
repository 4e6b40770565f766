// The sign-in throttle against a real database, on a clock the tests move: an attacker's failures
// slow only their own (account, address) pair, never the owner elsewhere; the pair's wait doubles;
// a ceiling of failures from new addresses locks only new addresses until an admin lifts it, and
// the owner is told; a refused attempt writes nothing but its audit row; and nothing said to the
// person signing in reveals whether an account exists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { prisma } from '@/lib/db/client';
import { databaseTarget, openWriter, type WriteDb } from '@/lib/db';
import { testEngine } from '@/tests/support/test-engine';
import { createAccount } from '@/lib/auth/accounts';
import type { Editor } from '@/lib/auth/editor';
import { signInWithPassword, type SignInResult } from '@/lib/auth/sign-in';
import { ACCOUNT_LOCKED, ACCOUNT_RULE, PAIR_RULE } from '@/lib/auth/throttle-rules';
import { liftSignInLock } from '@/lib/auth/user-admin';

const PASSWORD = 'the owner knows this one';
const WRONG = 'an attacker guesses this';
let admin: Editor;

beforeAll(async () => {
  admin = await createAccount(prisma, { email: 'boss@example.org', name: 'Boss', role: 'admin', password: PASSWORD });
});
afterAll(() => prisma.$disconnect());

/** A clock that stands still until a test moves it. */
function clock(iso: string) {
  let t = new Date(iso).getTime();
  return { now: () => new Date(t), advance: (ms: number) => void (t += ms) };
}

const pair = (email: string, address: string) => prisma.signInPairThrottle.findUnique({ where: { email_address: { email, address } } });
const sessionsOf = (userId: string) => prisma.session.count({ where: { userId } });

describe('an attacker and the owner', () => {
  it("five wrong passwords from the attacker's address do not slow the owner at theirs, who is told of them", async () => {
    const owner = await createAccount(prisma, { email: 'owner@example.org', name: 'Owner', role: 'editor', password: PASSWORD });
    const time = clock('2031-01-01T09:00:00Z');
    const attacker = '203.0.113.66';
    const tries: SignInResult[] = [];
    for (let i = 0; i < 6; i++) tries.push(await signInWithPassword('owner@example.org', WRONG, attacker, null, { now: time.now }));
    expect(tries.map((r) => r.ok === false && r.reason)).toEqual(['invalid', 'invalid', 'invalid', 'invalid', 'throttled', 'throttled']);

    // The same instant, from the owner's address: straight in.
    const mine = await signInWithPassword('owner@example.org', PASSWORD, '192.0.2.10', null, { now: time.now });
    expect(mine).toMatchObject({ ok: true, userId: owner.id, failuresElsewhere: 5, locked: false });
    expect(await prisma.signInAccountGuard.findUniqueOrThrow({ where: { email: 'owner@example.org' } })).toMatchObject({ noticeFailures: 5, unreported: 0 });

    // The owner's success does not lift the attacker's wait.
    expect(await signInWithPassword('owner@example.org', PASSWORD, attacker, null, { now: time.now })).toMatchObject({ reason: 'throttled' });
    expect((await pair('owner@example.org', attacker))?.failures).toBe(5);
  });

  it("the owner's own typing mistakes are not reported to them as someone else's", async () => {
    await createAccount(prisma, { email: 'typist@example.org', name: 'Typist', role: 'editor', password: PASSWORD });
    const time = clock('2031-01-02T09:00:00Z');
    for (let i = 0; i < 3; i++) await signInWithPassword('typist@example.org', WRONG, '192.0.2.11', null, { now: time.now });
    await signInWithPassword('typist@example.org', WRONG, '203.0.113.67', null, { now: time.now });
    expect(await signInWithPassword('typist@example.org', PASSWORD, '192.0.2.11', null, { now: time.now })).toMatchObject({ ok: true, failuresElsewhere: 1 });
    // Reported once: the next sign-in has nothing new to tell.
    expect(await signInWithPassword('typist@example.org', PASSWORD, '192.0.2.11', null, { now: time.now })).toMatchObject({ ok: true, failuresElsewhere: 0 });
  });
});

describe("the pair's wait", () => {
  it('doubles with each failure past the free ones, 1 s, 2 s, 4 s …, up to 15 minutes, and is kept to the millisecond', async () => {
    await createAccount(prisma, { email: 'doubling@example.org', name: 'Doubling', role: 'editor', password: PASSWORD });
    const time = clock('2031-02-01T09:00:00Z');
    const ip = '198.51.100.20';
    const waits: number[] = [];
    for (let i = 0; i < 16; i++) {
      const result = await signInWithPassword('doubling@example.org', WRONG, ip, null, { now: time.now });
      expect(result.ok).toBe(false);
      const row = (await pair('doubling@example.org', ip))!;
      const wait = row.retryAfter ? row.retryAfter.getTime() - time.now().getTime() : 0;
      waits.push(wait);
      if (wait > 0) {
        // A millisecond early is refused; on time is checked.
        time.advance(wait - 1);
        expect(await signInWithPassword('doubling@example.org', PASSWORD, ip, null, { now: time.now })).toMatchObject({ reason: 'throttled' });
        time.advance(1);
      }
    }
    const s = 1000;
    expect(waits).toEqual([0, 0, 0, 0, 1 * s, 2 * s, 4 * s, 8 * s, 16 * s, 32 * s, 64 * s, 128 * s, 256 * s, 512 * s, 900 * s, 900 * s]);
    expect(await signInWithPassword('doubling@example.org', PASSWORD, ip, null, { now: time.now })).toMatchObject({ ok: true });
  });

  it('holds against a burst: tries sent at once are counted before any password is checked', async () => {
    await createAccount(prisma, { email: 'burst@example.org', name: 'Burst', role: 'editor', password: PASSWORD });
    const time = clock('2031-02-03T09:00:00Z');
    const results = await Promise.all(
      Array.from({ length: 12 }, () => signInWithPassword('burst@example.org', WRONG, '198.51.100.30', null, { now: time.now })),
    );
    const said = results.map((r) => (r.ok ? 'ok' : r.message));
    // Five were checked (four free, the fifth set the wait, which all five then report); the other
    // seven met that wait and were refused unchecked.
    expect(said.filter((m) => m.startsWith('Email or password is incorrect.'))).toHaveLength(5);
    expect(said.filter((m) => m === 'Too many failed sign-ins; try again in 1 second.')).toHaveLength(7);
    expect((await pair('burst@example.org', '198.51.100.30'))?.failures).toBe(5);
  });

  it('starts over after a day without failures', async () => {
    const time = clock('2031-02-05T09:00:00Z');
    const ip = '198.51.100.21';
    for (let i = 0; i < 5; i++) await signInWithPassword('doubling@example.org', WRONG, ip, null, { now: time.now });
    expect((await pair('doubling@example.org', ip))?.failures).toBe(5);
    time.advance(PAIR_RULE.forgetAfterMs + 1);
    expect(await signInWithPassword('doubling@example.org', WRONG, ip, null, { now: time.now })).toMatchObject({ reason: 'invalid' });
    expect((await pair('doubling@example.org', ip))?.failures).toBe(1);
  });
});

describe('without a known client address', () => {
  it('the per-address limit does not apply, and the pair rule uses one stable "unknown" key', async () => {
    const time = clock('2031-03-01T09:00:00Z');
    // 25 accounts from "nowhere": past the per-address limit of 20, yet none is refused.
    for (let i = 0; i < 25; i++) {
      expect(await signInWithPassword(`nobody${i}@example.org`, WRONG, null, null, { now: time.now })).toMatchObject({ reason: 'invalid' });
    }
    expect(await prisma.signInThrottle.count({ where: { key: { startsWith: 'ip:' }, windowStart: time.now() } })).toBe(0);

    const results = [];
    for (let i = 0; i < 6; i++) results.push(await signInWithPassword('nobody0@example.org', WRONG, null, null, { now: time.now }));
    expect(results.at(-1)).toMatchObject({ reason: 'throttled' });
    expect(await pair('nobody0@example.org', 'unknown')).toMatchObject({ failures: 5 });
  });
});

describe('the per-account ceiling', () => {
  it('locks new addresses only; the owner at a known one gets in and is told; an admin lifts it, audited', async () => {
    const owner = await createAccount(prisma, { email: 'target@example.org', name: 'Target', role: 'admin', password: PASSWORD });
    const time = clock('2031-04-01T09:00:00Z');
    const home = '192.0.2.77';
    expect((await signInWithPassword('target@example.org', PASSWORD, home, null, { now: time.now })).ok).toBe(true);

    // Failures from the owner's own address do not count towards the ceiling.
    for (let i = 0; i < 3; i++) await signInWithPassword('target@example.org', WRONG, home, null, { now: time.now });
    expect(await prisma.signInAccountGuard.findUniqueOrThrow({ where: { email: 'target@example.org' } })).toMatchObject({ failures: 0, unreported: 3 });

    // A guess from each of 100 addresses: each pair and each address is far below its own limit.
    const outcomes: string[] = [];
    for (let i = 0; i < ACCOUNT_RULE.ceiling; i++) {
      const result = await signInWithPassword('target@example.org', WRONG, `10.7.${i >> 8}.${i & 255}`, null, { now: time.now });
      outcomes.push(result.ok ? 'ok' : result.reason);
    }
    expect(outcomes.slice(0, -1).every((o) => o === 'invalid')).toBe(true);
    expect(outcomes.at(-1)).toBe('locked');

    // From a new address even the right password is not checked.
    const sessions = await sessionsOf(owner.id);
    expect(await signInWithPassword('target@example.org', PASSWORD, '198.51.100.99', null, { now: time.now })).toEqual({
      ok: false,
      reason: 'locked',
      message: ACCOUNT_LOCKED,
    });
    expect(await sessionsOf(owner.id)).toBe(sessions);

    // From home: in, and told of the 100 failures elsewhere and of the lock.
    const athome = await signInWithPassword('target@example.org', PASSWORD, home, null, { now: time.now });
    expect(athome).toMatchObject({ ok: true, failuresElsewhere: ACCOUNT_RULE.ceiling, locked: true });
    expect(await prisma.signInAccountGuard.findUniqueOrThrow({ where: { email: 'target@example.org' } })).toMatchObject({
      noticeFailures: ACCOUNT_RULE.ceiling,
      failures: ACCOUNT_RULE.ceiling,
    });

    // Only an admin lifts it; then the owner signs in from anywhere again.
    const editor = await createAccount(prisma, { email: 'helper@example.org', name: 'Helper', role: 'editor', password: PASSWORD });
    await expect(liftSignInLock(editor, { userId: owner.id })).rejects.toThrow('Only an admin can manage users.');
    expect((await prisma.signInAccountGuard.findUniqueOrThrow({ where: { email: 'target@example.org' } })).lockedAt).not.toBeNull();

    await liftSignInLock({ ...admin, ipAddress: '192.0.2.1' }, { userId: owner.id });
    expect(await prisma.signInAccountGuard.findUniqueOrThrow({ where: { email: 'target@example.org' } })).toMatchObject({ lockedAt: null, failures: 0 });
    const event = await prisma.auditEvent.findFirstOrThrow({ where: { action: 'user-updated', entityId: owner.id }, orderBy: { id: 'desc' } });
    expect(event).toMatchObject({
      actorId: admin.id,
      ipAddress: '192.0.2.1',
      summary: `Lifted the sign-in lock of target@example.org (${ACCOUNT_RULE.ceiling} failed sign-ins from new addresses)`,
    });
    expect(await signInWithPassword('target@example.org', PASSWORD, '198.51.100.99', null, { now: time.now })).toMatchObject({ ok: true, locked: false });
  }, 180_000);

  it('locks a made-up email exactly as a real one, so the lock reveals nothing', async () => {
    await createAccount(prisma, { email: 'real@example.org', name: 'Real', role: 'editor', password: PASSWORD });
    const time = clock('2031-05-01T09:00:00Z');
    const said = { real: [] as string[], madeUp: [] as string[] };
    for (let i = 0; i <= ACCOUNT_RULE.ceiling; i++) {
      // The same address for both, a new one each round: the pair rule and the ceiling both play.
      const ip = `10.8.${i >> 8}.${i & 255}`;
      for (let j = 0; j < (i < 2 ? 6 : 1); j++) {
        for (const [key, email] of [
          ['real', 'real@example.org'],
          ['madeUp', 'made-up@example.org'],
        ] as const) {
          const result = await signInWithPassword(email, WRONG, ip, null, { now: time.now });
          said[key].push(result.ok ? 'ok' : `${result.reason}: ${result.message}`);
        }
      }
    }
    expect(said.madeUp).toEqual(said.real);
    expect(new Set(said.real)).toEqual(
      new Set([
        'invalid: Email or password is incorrect.',
        'throttled: Email or password is incorrect. Too many failed sign-ins; try again in 1 second.',
        'throttled: Too many failed sign-ins; try again in 1 second.',
        `locked: ${ACCOUNT_LOCKED}`,
      ]),
    );
  }, 180_000);
});

describe('a refused attempt', () => {
  it('writes its audit row and nothing else: no session, no counter moved', async () => {
    const time = clock('2031-06-01T09:00:00Z');
    const ip = '198.51.100.50';
    await createAccount(prisma, { email: 'quiet@example.org', name: 'Quiet', role: 'editor', password: PASSWORD });
    for (let i = 0; i < 5; i++) await signInWithPassword('quiet@example.org', WRONG, ip, null, { now: time.now });

    const before = everything();
    const refused = await signInWithPassword('quiet@example.org', PASSWORD, ip, 'Vitest', { now: time.now });
    expect(refused).toMatchObject({ ok: false, reason: 'throttled' });
    const after = everything();

    const changed = Object.keys(after).filter((table) => JSON.stringify(after[table]) !== JSON.stringify(before[table]));
    expect(changed).toEqual(['AuditEvent']);
    expect(after.AuditEvent.length).toBe(before.AuditEvent.length + 1);
    expect(after.AuditEvent.at(-1)).toMatchObject({
      action: 'sign-in-failed',
      actorEmail: 'quiet@example.org',
      ipAddress: ip,
      summary: 'Refused: too many failed sign-ins',
    });
  });
});

/** Every row of every table, by table: a before-and-after picture of the whole database, on either engine. */
function everything(): Record<string, unknown[]> {
  const writer = openWriter(databaseTarget(process.env.DATABASE_URL!));
  try {
    const listing =
      testEngine() === 'postgresql'
        ? 'SELECT tablename AS name FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename'
        : "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name";
    const tables = writer.db.prepare(listing).all() as { name: string }[];
    return Object.fromEntries(tables.map(({ name }) => [name, rows(writer.db, name)]));
  } finally {
    writer.close();
  }
}

/**
 * A table's rows in one order whatever the engine's own (PostgreSQL has no rowid): by id where the
 * table has one (so the last row is the newest), else by their JSON.
 */
function rows(db: WriteDb, table: string): unknown[] {
  const json = (row: unknown) => JSON.stringify(row, (_, value) => (typeof value === 'bigint' ? value.toString() : value));
  const idOf = (row: unknown) => (row as { id?: unknown }).id;
  const order = (a: unknown, b: unknown) => {
    const [x, y] = [idOf(a), idOf(b)];
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    return json(a) < json(b) ? -1 : json(a) > json(b) ? 1 : 0;
  };
  return (db.prepare(`SELECT * FROM "${table}"`).all() as unknown[]).sort(order);
}
