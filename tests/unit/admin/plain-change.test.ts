// The addresses a back-office button goes back to are built from what the form sent; a hostile form
// (NUL, lone surrogates, kilobytes of text in an id) must still give a short, valid address.
import { describe, expect, it } from 'vitest';
import { entryPath, passageHash, withError, withNotice } from '@/lib/admin/plain-change';

describe('the address a back-office change goes back to', () => {
  it('names the entry when the form sent an id, and the list otherwise', () => {
    expect(entryPath('/admin/documents', '12')).toBe('/admin/documents/12');
    expect(entryPath('/admin/documents', ' 7 ')).toBe('/admin/documents/7');
    for (const hostile of ['', '0', '-3', '1.5', 'a'.repeat(5000), '9'.repeat(400), '\u0000', '\ud800', '../users', null]) {
      expect(entryPath('/admin/documents', hostile), JSON.stringify(hostile)).toBe('/admin/documents');
    }
  });

  it('lands on a passage only when the anchor is a passage number', () => {
    expect(passageHash('4')).toBe('#passage-4');
    for (const hostile of ['', '0', 'x', '\u0000', '\ud800', '4#x', '1'.repeat(400)]) expect(passageHash(hostile), JSON.stringify(hostile)).toBe('');
  });

  it('carries any message as a valid query, with no raw control or non-ASCII character for the redirect header', () => {
    const address = withError('/admin/documents/3', 'Bad \u0000 input \ud800 “quoted” é', '#passage-2');
    expect(address).toMatch(/^\/admin\/documents\/3\?error=[\x21-\x7e]+#passage-2$/);
    expect(new URL(address, 'http://x').searchParams.get('error')).toBe('Bad \u0000 input \ufffd “quoted” é');
    expect(withNotice('/admin/documents', 'Saved.')).toBe('/admin/documents?notice=Saved.');
  });

  it('encodes a fragment that came from elsewhere instead of sending it raw', () => {
    expect(withNotice('/admin/documents/3', 'ok', '#passage-\u0000')).toBe('/admin/documents/3?notice=ok#passage-%00');
  });
});
