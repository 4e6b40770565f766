// Password hashing and the client address: argon2id at OWASP's cost; the address the nearest hop saw.
import { describe, expect, it } from 'vitest';
import { hashPassword, verifyPassword } from '@/lib/auth/password';
import { clientAddress } from '@/lib/auth/client-address';

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

describe('clientAddress', () => {
  const from = (headers: Record<string, string>) => clientAddress(new Headers(headers));

  it('takes the right-most X-Forwarded-For entry, which the nearest hop wrote', () => {
    expect(from({ 'x-forwarded-for': '203.0.113.9' })).toBe('203.0.113.9');
    expect(from({ 'x-forwarded-for': '1.1.1.1, 203.0.113.9' })).toBe('203.0.113.9');
    expect(from({ 'x-forwarded-for': '::ffff:127.0.0.1' })).toBe('::ffff:127.0.0.1');
    expect(from({ 'x-real-ip': '2001:db8::1' })).toBe('2001:db8::1');
  });

  it('gives null for nothing or for something that is not an address', () => {
    expect(from({})).toBeNull();
    expect(from({ 'x-forwarded-for': '203.0.113.9, ' })).toBeNull();
    expect(from({ 'x-forwarded-for': '<script>' })).toBeNull();
    expect(from({ 'x-forwarded-for': 'a'.repeat(100) })).toBeNull();
  });
});
