// The client address behind TRUSTED_PROXIES: parsing the list, walking X-Forwarded-For from the
// right past trusted hops only, and what clientAddress() reads in the app.
import { describe, expect, it } from 'vitest';
import { clientAddress } from '@/lib/auth/client-address';
import { CLIENT_ADDRESS_HEADER } from '@/lib/auth/proxy-headers';
import { normalizeAddress, resolveClientAddress } from '@/lib/server/client-address';
import { compileAddressList, invalidAddressEntry, parseAddressList } from '@/lib/server/trusted-proxies';
import { readEnv } from '@/lib/env';

const trusting = (list: string) => compileAddressList(parseAddressList(list));
const envOf = (vars: Record<string, string>) => readEnv(vars as NodeJS.ProcessEnv);

describe('TRUSTED_PROXIES', () => {
  it('reads a comma-separated list of addresses and ranges, spaces and empty entries aside', () => {
    expect(parseAddressList(' 10.0.0.1, 192.168.0.0/16 ,,fd00::/8 ')).toEqual(['10.0.0.1', '192.168.0.0/16', 'fd00::/8']);
    expect(parseAddressList(undefined)).toEqual([]);
    expect(parseAddressList('')).toEqual([]);
  });

  it('trusts nobody by default', () => {
    const none = trusting('');
    expect(none('127.0.0.1', 0)).toBe(false);
    expect(none('::1', 0)).toBe(false);
    expect(envOf({}).TRUSTED_PROXIES).toEqual([]);
  });

  it('matches addresses, IPv4 and IPv6 ranges, and IPv4 clients of a dual-stack socket', () => {
    const trusted = trusting('10.0.0.0/8, 2001:db8::/32, 192.0.2.7, loopback');
    expect(trusted('10.200.3.4', 0)).toBe(true);
    expect(trusted('11.0.0.1', 0)).toBe(false);
    expect(trusted('2001:db8::99', 0)).toBe(true);
    expect(trusted('2001:db9::1', 0)).toBe(false);
    expect(trusted('192.0.2.7', 0)).toBe(true);
    expect(trusted('192.0.2.8', 0)).toBe(false);
    expect(trusted('::ffff:10.1.1.1', 0)).toBe(true);
    expect(trusted('127.0.0.1', 0)).toBe(true);
    expect(trusted('not an address', 0)).toBe(false);
  });

  it('refuses, at start, an entry that is no address or range, naming it', () => {
    expect(invalidAddressEntry(['10.0.0.1', '10.0.0.0/8'])).toBeNull();
    expect(invalidAddressEntry(['10.0.0.1', '10.0.0.300'])).toMatch(/"10\.0\.0\.300"/);
    expect(invalidAddressEntry(['10.0.0.0/33'])).toMatch(/10\.0\.0\.0\/33/);
    expect(invalidAddressEntry(['proxy.example.org'])).toMatch(/proxy\.example\.org/);
    expect(() => envOf({ TRUSTED_PROXIES: '10.0.0.1, nonsense' })).toThrow(/TRUSTED_PROXIES: .*"nonsense"/);
    expect(() => envOf({ RATE_LIMIT_EXEMPT: '1.2.3.4/99' })).toThrow(/RATE_LIMIT_EXEMPT/);
    expect(() => envOf({ RATE_LIMIT_SEARCH_PER_MINUTE: '-1' })).toThrow(/RATE_LIMIT_SEARCH_PER_MINUTE/);
    expect(envOf({ TRUSTED_PROXIES: '10.0.0.1, 10.1.0.0/16' }).TRUSTED_PROXIES).toEqual(['10.0.0.1', '10.1.0.0/16']);
  });
});

describe('resolveClientAddress', () => {
  it('with no trusted proxy, is the socket peer whatever X-Forwarded-For says', () => {
    const none = trusting('');
    expect(resolveClientAddress('203.0.113.9', undefined, none)).toBe('203.0.113.9');
    expect(resolveClientAddress('203.0.113.9', '198.51.100.1', none)).toBe('203.0.113.9');
    expect(resolveClientAddress('203.0.113.9', '1.1.1.1, 2.2.2.2', none)).toBe('203.0.113.9');
  });

  it('behind a trusted proxy, is the right-most entry the proxy appended, not what the client wrote further left', () => {
    const proxy = trusting('10.0.0.5');
    expect(resolveClientAddress('10.0.0.5', '203.0.113.9', proxy)).toBe('203.0.113.9');
    // The client sent "X-Forwarded-For: 1.1.1.1"; the proxy appended the address it saw.
    expect(resolveClientAddress('10.0.0.5', '1.1.1.1, 203.0.113.9', proxy)).toBe('203.0.113.9');
    // A peer that is not the trusted proxy gets nothing from its header.
    expect(resolveClientAddress('10.0.0.6', '203.0.113.9', proxy)).toBe('10.0.0.6');
  });

  it('walks past every trusted hop, and stops at the first untrusted one', () => {
    const chain = trusting('10.0.0.0/8');
    expect(resolveClientAddress('10.0.0.5', '198.51.100.7, 203.0.113.9, 10.1.1.1, 10.2.2.2', chain)).toBe('203.0.113.9');
    // Every hop trusted: the left-most is as far as anyone can tell.
    expect(resolveClientAddress('10.0.0.5', '10.3.3.3, 10.2.2.2', chain)).toBe('10.3.3.3');
    // The proxy with nothing forwarded is itself the client (a health check from the proxy host).
    expect(resolveClientAddress('10.0.0.5', undefined, chain)).toBe('10.0.0.5');
  });

  it('gives an IPv4 client of a dual-stack socket as IPv4, and IPv6 in lower case', () => {
    expect(resolveClientAddress('::ffff:203.0.113.9', undefined, trusting(''))).toBe('203.0.113.9');
    expect(resolveClientAddress('::ffff:127.0.0.1', '198.51.100.3', trusting('127.0.0.1/32'))).toBe('198.51.100.3');
    expect(resolveClientAddress('2001:DB8::1', undefined, trusting(''))).toBe('2001:db8::1');
  });

  it('never yields something that is not an address: a garbage entry from a trusted proxy falls back to that proxy', () => {
    const proxy = trusting('10.0.0.5');
    expect(resolveClientAddress('10.0.0.5', '<script>', proxy)).toBe('10.0.0.5');
    expect(resolveClientAddress('10.0.0.5', 'unknown', proxy)).toBe('10.0.0.5');
    expect(resolveClientAddress(undefined, undefined, proxy)).toBeNull();
    expect(normalizeAddress('a'.repeat(100))).toBeNull();
  });
});

describe('clientAddress (what the app reads)', () => {
  const from = (headers: Record<string, string>) => clientAddress(new Headers(headers));

  it('reads only the header the custom server sets, never X-Forwarded-For, which any client can write', () => {
    expect(from({ [CLIENT_ADDRESS_HEADER]: '203.0.113.9' })).toBe('203.0.113.9');
    expect(from({ [CLIENT_ADDRESS_HEADER]: '2001:db8::1' })).toBe('2001:db8::1');
    expect(from({ 'x-forwarded-for': '203.0.113.9' })).toBeNull();
    expect(from({ 'x-real-ip': '203.0.113.9' })).toBeNull();
    expect(from({ 'x-forwarded-for': '198.51.100.1', [CLIENT_ADDRESS_HEADER]: '203.0.113.9' })).toBe('203.0.113.9');
  });

  it('gives null for nothing, or for something that is not an address', () => {
    expect(from({})).toBeNull();
    expect(from({ [CLIENT_ADDRESS_HEADER]: '<script>' })).toBeNull();
    expect(from({ [CLIENT_ADDRESS_HEADER]: 'a'.repeat(100) })).toBeNull();
  });
});
