// Schemas for back-office accounts: signing in, creating a user, changing a role, disabling, lifting a sign-in lock.
import { z } from 'zod';

export const MIN_PASSWORD_LENGTH = 12;
// Better Auth's own ceiling; a longer input would only cost hashing time.
export const MAX_PASSWORD_LENGTH = 128;

// Trimmed and lower-cased before the format check, so " Ada@Example.org" is the same account as "ada@example.org".
export const emailSchema = z
  .string({ error: 'Enter an email address.' })
  .trim()
  .toLowerCase()
  .min(1, 'Enter an email address.')
  .max(254, 'An email address is at most 254 characters.')
  .pipe(z.email('Enter a valid email address, like name@example.org.'));

export const userRoleSchema = z.enum(['editor', 'admin'], { error: 'Choose editor or admin.' });

export const userNameSchema = z.string({ error: 'Enter a name.' }).trim().min(1, 'Enter a name.').max(100, 'A name is at most 100 characters.');

export const newPasswordSchema = z
  .string({ error: 'Enter a password.' })
  .min(MIN_PASSWORD_LENGTH, `A password needs at least ${MIN_PASSWORD_LENGTH} characters.`)
  .max(MAX_PASSWORD_LENGTH, `A password is at most ${MAX_PASSWORD_LENGTH} characters.`);

export const newAccountSchema = z.object({
  email: emailSchema,
  name: userNameSchema,
  role: userRoleSchema,
  password: newPasswordSchema,
});
export type NewAccount = z.input<typeof newAccountSchema>;

// Signing in checks only presence and length: the password rules are no business of someone guessing.
export const signInSchema = z.object({
  email: emailSchema,
  password: z.string({ error: 'Enter your password.' }).min(1, 'Enter your password.').max(MAX_PASSWORD_LENGTH, 'Email or password is incorrect.'),
});

const userIdSchema = z.string({ error: 'No user given.' }).trim().min(1, 'No user given.').max(100);

export const changeRoleSchema = z.object({ userId: userIdSchema, role: userRoleSchema });

export const setDisabledSchema = z.object({
  userId: userIdSchema,
  disabled: z.enum(['true', 'false'], { error: 'Say whether to disable or enable.' }).transform((v) => v === 'true'),
});

export const liftSignInLockSchema = z.object({ userId: userIdSchema });
