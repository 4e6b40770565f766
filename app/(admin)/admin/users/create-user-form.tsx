'use client';
// The form that creates a user: email, name, role and an initial password, errors by their fields.
import { useActionState, type ReactNode } from 'react';
import { createUserAction, type UserFormState } from './actions';

const inputClass =
  'mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 aria-[invalid=true]:border-red-700 dark:border-stone-700 dark:bg-stone-900 dark:aria-[invalid=true]:border-red-400';

export function CreateUserForm() {
  const [state, action, pending] = useActionState<UserFormState, FormData>(createUserAction, {});
  // After a success the form starts empty again; after a refusal it keeps what was typed.
  const values = state.ok ? {} : (state.values ?? {});

  return (
    <form action={action} noValidate className="grid max-w-xl gap-4">
      <div aria-live="polite">
        {state.message && (
          <p className={state.ok ? 'text-green-800 dark:text-green-300' : 'text-red-800 dark:text-red-300'}>{state.message}</p>
        )}
      </div>
      <Field label="Email" name="email" errors={state.errors?.email}>
        <input id="new-email" name="email" type="email" autoComplete="off" required defaultValue={values.email} {...described('email', state)} className={inputClass} />
      </Field>
      <Field label="Name" name="name" errors={state.errors?.name}>
        <input id="new-name" name="name" autoComplete="off" required defaultValue={values.name} {...described('name', state)} className={inputClass} />
      </Field>
      <Field label="Role" name="role" errors={state.errors?.role}>
        <select id="new-role" name="role" defaultValue={values.role || 'editor'} {...described('role', state)} className={inputClass}>
          <option value="editor">Editor</option>
          <option value="admin">Admin</option>
        </select>
      </Field>
      <Field label="Initial password" hint="At least 12 characters." name="password" errors={state.errors?.password}>
        <input id="new-password" name="password" type="password" autoComplete="new-password" required minLength={12} {...described('password', state)} className={inputClass} />
      </Field>
      <div>
        <button type="submit" disabled={pending} className="rounded-md bg-stone-800 px-4 py-2 text-white disabled:opacity-60 dark:bg-stone-200 dark:text-stone-900">
          {pending ? 'Creating…' : 'Create user'}
        </button>
      </div>
    </form>
  );
}

type FieldName = 'email' | 'name' | 'role' | 'password';

function described(name: FieldName, state: UserFormState) {
  const hint = name === 'password' ? `new-${name}-hint ` : '';
  return { 'aria-invalid': state.errors?.[name] ? true : undefined, 'aria-describedby': `${hint}new-${name}-error` };
}

function Field({ label, hint, name, errors, children }: { label: string; hint?: string; name: FieldName; errors?: string[]; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={`new-${name}`} className="block font-medium">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`new-${name}-hint`} className="mt-1 text-sm muted">
          {hint}
        </p>
      )}
      <div id={`new-${name}-error`} aria-live="polite" className="text-sm text-red-800 dark:text-red-300">
        {errors?.map((message) => <p key={message}>{message}</p>)}
      </div>
    </div>
  );
}
