'use client';
// The sign-in form: errors next to their fields and announced, the email kept after a failure.
import { useActionState } from 'react';
import { signIn, type SignInFormState } from './actions';

const inputClass =
  'mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 aria-[invalid=true]:border-red-700 dark:border-stone-700 dark:bg-stone-900 dark:aria-[invalid=true]:border-red-400';

export function SignInForm({ next }: { next: string }) {
  const [state, action, pending] = useActionState<SignInFormState, FormData>(signIn, {});
  const emailErrors = state.errors?.email;
  const passwordErrors = state.errors?.password;

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
      <div>
        <label htmlFor="email" className="block font-medium">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          aria-invalid={emailErrors ? true : undefined}
          aria-describedby="email-error"
          className={inputClass}
        />
        <FieldErrors id="email-error" messages={emailErrors} />
      </div>
      <div>
        <label htmlFor="password" className="block font-medium">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={passwordErrors ? true : undefined}
          aria-describedby="password-error"
          className={inputClass}
        />
        <FieldErrors id="password-error" messages={passwordErrors} />
      </div>
      <button
        type="submit"
        disabled={pending}
        className="rounded-md bg-stone-800 px-4 py-2 text-white disabled:opacity-60 dark:bg-stone-200 dark:text-stone-900"
      >
        {pending ? 'Signing in…' : 'Sign in'}
      </button>
    </form>
  );
}

/** Always rendered, so the live region exists before its first message. */
function FieldErrors({ id, messages }: { id: string; messages?: string[] }) {
  return (
    <div id={id} aria-live="polite" className="mt-1 text-sm text-red-800 dark:text-red-300">
      {messages?.map((message) => <p key={message}>{message}</p>)}
    </div>
  );
}
