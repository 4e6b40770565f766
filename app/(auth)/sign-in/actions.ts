'use server';
// The sign-in form's action: validate, sign in (lib/auth/sign-in.ts throttles, checks and audits),
// then go back where the editor was headed, if that is a path on this site; by way of a notice first
// when others failed to sign in to the account, or it is locked for new addresses.
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { formOf } from '@/lib/admin/action-state';
import { safeReturnPath } from '@/lib/auth/return-path';
import { signInFromRequest } from '@/lib/auth/sign-in';
import { signInSchema } from '@/lib/validation/users';

export interface SignInFormState {
  errors?: { email?: string[]; password?: string[] };
  message?: string;
  /** Echoed back so the form keeps it; the password never is. */
  email?: string;
}

export async function signIn(_previous: SignInFormState, sent: FormData): Promise<SignInFormState> {
  // An action is a public endpoint: whatever was sent instead of a form reads as an empty one.
  const formData = formOf(sent);
  const typed = formData.get('email');
  const email = typeof typed === 'string' ? typed.slice(0, 254) : '';
  const parsed = signInSchema.safeParse({ email: formData.get('email'), password: formData.get('password') });
  if (!parsed.success) return { errors: z.flattenError(parsed.error).fieldErrors, email };

  const result = await signInFromRequest(parsed.data.email, parsed.data.password, await headers());
  if (!result.ok) return { message: result.message, email };
  const next = safeReturnPath(formData.get('next'));
  // Outside any try/catch: redirect() works by throwing.
  if (result.failuresElsewhere > 0 || result.locked) redirect(`/sign-in/notice?next=${encodeURIComponent(next)}`);
  redirect(next);
}
