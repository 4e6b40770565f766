'use client';
// The sign-in form: errors next to their fields and announced, the email kept after a failure.
import { useActionState } from 'react';
import { TextField } from '@/components/form/field';
import { SubmitButton } from '@/components/form/submit-button';
import { signIn, type SignInFormState } from './actions';

export function SignInForm({ next }: { next: string }) {
  const [state, action] = useActionState<SignInFormState, FormData>(signIn, {});

  return (
    <form action={action} noValidate className="space-y-5">
      <input type="hidden" name="next" value={next} />
      <div id="sign-in-message" aria-live="polite">
        {state.message && (
          <p className="rounded-md border border-red-300 bg-red-50 px-3 py-2 text-red-800 dark:border-red-800 dark:bg-red-950 dark:text-red-200">
            {state.message}
          </p>
        )}
      </div>
      <TextField id="email" name="email" type="email" label="Email" autoComplete="username" required defaultValue={state.email} errors={state.errors?.email} />
      <TextField id="password" name="password" type="password" label="Password" autoComplete="current-password" required errors={state.errors?.password} />
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
