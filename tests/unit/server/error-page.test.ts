// The error pages show a reference to quote (the digest, also in the error log line) and nothing
// of the error itself: no message, no stack, no SQL.
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import ErrorPage from '@/app/error';
import GlobalError from '@/app/global-error';
import { errorReference } from '@/components/error-message';

function serverError(): Error {
  const error = new Error('SQLITE_ERROR: near "FROM": syntax error in SELECT * FROM User WHERE email = ?');
  return Object.assign(error, { digest: '1234567890' });
}

describe('the error pages', () => {
  for (const [name, Page] of [
    ['error.tsx', ErrorPage],
    ['global-error.tsx', GlobalError],
  ] as const) {
    it(`${name} shows the reference and never the message or the stack`, () => {
      const error = serverError();
      const html = renderToStaticMarkup(createElement(Page, { error, retry: () => undefined }));
      expect(html).toContain('Something went wrong');
      expect(html).toContain('1234567890');
      expect(html).not.toContain('SQLITE');
      expect(html).not.toContain('SELECT');
      expect(html).not.toContain(error.stack!.split('\n')[1].trim());
      expect(html).toMatch(/<button[^>]*>Try again<\/button>/);
    });
  }

  it('shows no reference for an error without a usable digest', () => {
    expect(errorReference(new Error('x'))).toBeNull();
    expect(errorReference({ digest: '<script>alert(1)</script>' })).toBeNull();
    expect(errorReference('a string')).toBeNull();
    expect(errorReference({ digest: 'abc-123' })).toBe('abc-123');
  });
});
