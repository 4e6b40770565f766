'use client';
// The form that creates a user: email, name, role and an initial password, errors by their fields.
import { useActionState } from 'react';
import { SelectField, TextField } from '@/components/form/field';
import { FormMessage } from '@/components/form/field-error';
import { SubmitButton } from '@/components/form/submit-button';
import { optionsOf, USER_ROLES } from '@/lib/vocabulary';
import { createUserAction, type UserFormState } from './actions';

export function CreateUserForm() {
  const [state, action] = useActionState<UserFormState, FormData>(createUserAction, {});
  // After a success the form starts empty again; after a refusal it keeps what was typed.
  const values: Record<string, string | undefined> = state.ok ? {} : (state.values ?? {});
  const errors = state.errors ?? {};

  return (
    <form action={action} noValidate className="grid max-w-xl gap-4">
      <div aria-live="polite">
        <FormMessage message={state.message} ok={state.ok} />
      </div>
      <TextField id="new-email" name="email" type="email" label="Email" autoComplete="off" required defaultValue={values.email} errors={errors.email} />
      <TextField id="new-name" name="name" label="Name" autoComplete="off" required defaultValue={values.name} errors={errors.name} />
      <SelectField id="new-role" name="role" label="Role" options={optionsOf(USER_ROLES)} defaultValue={values.role || 'editor'} errors={errors.role} />
      <TextField
        id="new-password"
        name="password"
        type="password"
        label="Initial password"
        hint="At least 12 characters."
        autoComplete="new-password"
        required
        errors={errors.password}
      />
      <div>
        <SubmitButton pendingLabel="Creating…">Create user</SubmitButton>
      </div>
    </form>
  );
}
