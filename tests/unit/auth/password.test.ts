// Password hashing: argon2id at OWASP's cost. (The client address: tests/unit/server/client-address.test.ts.)
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '@/lib/auth/password';

describe('hashPassword', () => {
  it('makes argon2id hashes with m=19456 KiB, t=2, p=1 and a fresh salt each time', async () => {
    const a = await hashPassword('a password of some length');
    const b = await hashPassword('a password of some length');
    expect(a).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(a).not.toBe(b);
  });

  it('verifies the right password only, and treats a foreign hash as a mismatch', async () => {
    const hash = await hashPassword('the right one, twelve+');
    expect(await verifyPassword(hash, 'the right one, twelve+')).toBe(true);
    expect(await verifyPassword(hash, 'the wrong one, twelve+')).toBe(false);
    expect(await verifyPassword('salt:scrypt-hash', 'anything')).toBe(false);
  });
});
