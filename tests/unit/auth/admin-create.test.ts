// The admin-create command's rules: an email is required, the role is admin or editor, and the
// password comes from ADMIN_PASSWORD or a terminal, at least 12 characters, never a default.
import { describe, expect, it } from 'vitest';
import { parseAdminCreateArguments, readPassword, UsageError } from '@/scripts/admin-create';

describe('parseAdminCreateArguments', () => {
  it('reads email, name and role; the name defaults to the local part, the role to admin', () => {
    expect(parseAdminCreateArguments(['--email', ' Ada@Example.org ', '--name', 'Ada', '--role', 'editor'])).toEqual({
      email: 'ada@example.org',
      name: 'Ada',
      role: 'editor',
    });
    expect(parseAdminCreateArguments(['--email', 'ada@example.org'])).toEqual({ email: 'ada@example.org', name: 'ada', role: 'admin' });
  });

  it.each([
    [[], /--email is required/],
    [['--email', 'not-an-email'], /valid email/],
    [['--email', 'a@example.org', '--role', 'owner'], /admin or editor/],
    [['--email', 'a@example.org', '--password', 'x'], /Unknown option/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseAdminCreateArguments(argv)).toThrow(message);
  });
});

describe('readPassword', () => {
  it('takes ADMIN_PASSWORD when it is long enough', async () => {
    await expect(readPassword({ ADMIN_PASSWORD: 'twelve chars' }, false)).resolves.toBe('twelve chars');
  });

  it('refuses a short one', async () => {
    await expect(readPassword({ ADMIN_PASSWORD: 'eleven char' }, false)).rejects.toThrow(/at least 12/);
  });

  it('without ADMIN_PASSWORD and without a terminal, refuses instead of inventing one', async () => {
    await expect(readPassword({}, false)).rejects.toThrow(UsageError);
    await expect(readPassword({ ADMIN_PASSWORD: '' }, false)).rejects.toThrow(/ADMIN_PASSWORD/);
  });
});
