// safeReturnPath: only a path on this site survives; every way of naming another site lands on /admin.
import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '@/lib/auth/return-path';

describe('safeReturnPath keeps same-site paths', () => {
  it.each([
    '/admin',
    '/admin/documents/some-slug/edit',
    '/admin/users?page=2&sort=email',
    '/documents/a#p12',
    '/search?q=human%20rights',
    '/search?q=100%25',
    // Query strings may hold slashes and colons; only the path decides where the browser goes.
    '/admin?next=//evil.com',
    '/admin?u=https://evil.com',
  ])('keeps %j as it is', (path) => {
    expect(safeReturnPath(path)).toBe(path);
  });

  it('resolves dot segments on this site', () => {
    expect(safeReturnPath('/admin/../documents')).toBe('/documents');
  });
});

describe('safeReturnPath refuses everything else', () => {
  it.each([
    // Not a string, empty, too long.
    undefined,
    null,
    42,
    ['/admin'],
    '',
    `/${'a'.repeat(3000)}`,
    // Absolute and protocol-relative addresses.
    'https://evil.com',
    'http://localhost:3000/admin',
    '//evil.com',
    '///evil.com',
    '//evil.com/admin',
    'https:/evil.com',
    'https:evil.com',
    // Backslashes, which browsers treat as slashes.
    '/\\evil.com',
    '\\\\evil.com',
    '\\/evil.com',
    '/\\/evil.com',
    '/admin\\..\\..\\evil',
    // Script and data URLs.
    'javascript:alert(1)',
    'JavaScript:alert(1)',
    ' javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    // Relative paths and leading space.
    'admin',
    'evil.com',
    './admin',
    '../admin',
    ' /admin',
    '?next=/admin',
    '#/admin',
    // Characters URL parsers drop, turning "/\t/evil.com" into "//evil.com".
    '/\t/evil.com',
    '/\n/evil.com',
    '/\r/evil.com',
    '/\r\n/evil.com',
    '\t//evil.com',
    '/admin\u0000',
    '/\u200b/evil.com',
    '/\u00a0/evil.com',
    '/\u2028/evil.com',
    '/\u202e/evil.com',
    // Percent-encoded slashes, backslashes and controls, once and twice.
    '/%2F%2Fevil.com',
    '/%2f/evil.com',
    '%2F%2Fevil.com',
    '/%5Cevil.com',
    '/%5cevil.com',
    '/%09/evil.com',
    '/%0a/evil.com',
    '/%0D%0A/evil.com',
    '/%252F%252Fevil.com',
    '/%255Cevil.com',
    '/%25252F%25252Fevil.com',
    '%2Fadmin',
    '/%E2%80%8B/evil.com',
    // Dot segments that normalise into a protocol-relative path.
    '/.//evil.com',
    '/admin/..//evil.com',
    '/./\\evil.com',
    // Encoded script URLs.
    'javascript%3Aalert(1)',
    '%6A%61%76%61%73%63%72%69%70%74:alert(1)',
  ])('%j → /admin', (input) => {
    expect(safeReturnPath(input)).toBe('/admin');
  });

  it('uses the fallback it is given', () => {
    expect(safeReturnPath('//evil.com', '/admin/documents')).toBe('/admin/documents');
  });
});
