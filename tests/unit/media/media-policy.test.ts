// Which recordings a page may play (CSP media-src), and how one Range header is read.
import { describe, expect, it } from 'vitest';
import { byteRange } from '@/lib/media/byte-range';
import { contentSecurityPolicy } from '@/lib/security/headers';

const mediaSrc = (https: boolean) =>
  contentSecurityPolicy('n', { production: true, https })
    .split('; ')
    .find((d) => d.startsWith('media-src'));

describe('media-src', () => {
  it('plays the archive’s own recordings and external https ones; http only on a plain-http site', () => {
    expect(mediaSrc(true)).toBe("media-src 'self' https:");
    expect(mediaSrc(false)).toBe("media-src 'self' https: http:");
  });

  it('never allows data: or blob: media, nor any other scheme', () => {
    for (const https of [true, false]) expect(mediaSrc(https)).not.toMatch(/data:|blob:|\*/);
  });
});

describe('byteRange', () => {
  it.each([
    [null, { kind: 'whole' }],
    ['bytes=0-9', { kind: 'part', start: 0, end: 9 }],
    ['bytes=90-', { kind: 'part', start: 90, end: 99 }],
    ['bytes=-10', { kind: 'part', start: 90, end: 99 }],
    ['bytes=-1000', { kind: 'part', start: 0, end: 99 }],
    ['bytes=50-5000', { kind: 'part', start: 50, end: 99 }],
    ['bytes=100-', { kind: 'unsatisfiable' }],
    ['bytes=-0', { kind: 'unsatisfiable' }],
    ['bytes=0-1,4-5', { kind: 'whole' }],
    ['bytes=9-3', { kind: 'whole' }],
    ['bytes=-', { kind: 'whole' }],
    ['lines=0-9', { kind: 'whole' }],
  ])('%j of a 100-byte file', (header, outcome) => expect(byteRange(header, 100)).toEqual(outcome));
});
