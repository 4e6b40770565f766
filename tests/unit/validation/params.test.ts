// The one rule for ids and anchors read from a URL or a form (lib/validation/params.ts): plain
// decimal digits naming a positive number, nothing JavaScript's Number() would also read.
import { describe, expect, it } from 'vitest';
import { anchorParam, formIdParam, idParam } from '@/lib/validation/params';

describe('idParam', () => {
  it('reads plain digits as the number they name', () => {
    expect(idParam('7')).toBe(7);
    expect(idParam('007')).toBe(7);
    expect(idParam('999999999')).toBe(999999999);
  });

  it.each(['0', '000', '-1', '+1', ' 1', '1 ', '1.0', '1e3', '0x10', '0b11', '１', '', '1234567890', 'abc', '1/2'])('refuses %j', (text) => {
    expect(idParam(text)).toBeNull();
  });

  it('refuses what is not text, and takes the first of a repeated query parameter', () => {
    expect(idParam(undefined)).toBeNull();
    expect(idParam(5)).toBeNull();
    expect(idParam(['4', '5'])).toBe(4);
    expect(idParam(['x', '5'])).toBeNull();
  });
});

describe('anchorParam', () => {
  it('names a passage by its number, and nothing else', () => {
    expect(anchorParam('12')).toBe(12);
    expect(anchorParam('0')).toBeNull();
    expect(anchorParam('p12')).toBeNull();
  });
});

describe('formIdParam', () => {
  it('forgives the spaces around a pasted id, not anything else', () => {
    expect(formIdParam(' 12 ')).toBe(12);
    expect(formIdParam('1 2')).toBeNull();
    expect(formIdParam(undefined)).toBeNull();
  });
});
