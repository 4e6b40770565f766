'use client';
// One user's controls in the users table: change the role, disable or enable, lift a sign-in lock,
// each with its outcome announced next to it.
import { useActionState, type ReactNode } from 'react';
import { changeRoleAction, liftSignInLockAction, setDisabledAction, type RowFormState } from './actions';

interface Props {
  userId: string;
  email: string;
  role: 'editor' | 'admin';
  disabled: boolean;
}

export function RoleControl({ userId, email, role }: Omit<Props, 'disabled'>) {
  const [state, action, pending] = useActionState<RowFormState, FormData>(changeRoleAction, {});
  const id = `role-${userId}`;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <label htmlFor={id} className="sr-only">
        Role of {email}
      </label>
      <select id={id} name="role" defaultValue={role} aria-describedby={`${id}-status`} className="rounded border border-stone-300 bg-white px-2 py-1 dark:border-stone-700 dark:bg-stone-900">
        <option value="editor">Editor</option>
        <option value="admin">Admin</option>
      </select>
      <button type="submit" disabled={pending} className="rounded border border-stone-300 px-2 py-1 text-sm dark:border-stone-700">
        Save<span className="sr-only"> role of {email}</span>
      </button>
      <Status id={`${id}-status`} state={state} />
    </form>
  );
}

export function DisableControl({ userId, email, disabled }: Omit<Props, 'role'>) {
  const [state, action, pending] = useActionState<RowFormState, FormData>(setDisabledAction, {});
  const id = `disabled-${userId}`;
  return (
    <form action={action} className="flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      <input type="hidden" name="disabled" value={disabled ? 'false' : 'true'} />
      <button type="submit" disabled={pending} aria-describedby={`${id}-status`} className="rounded border border-stone-300 px-2 py-1 text-sm dark:border-stone-700">
        {disabled ? 'Enable' : 'Disable'}
        <span className="sr-only"> {email}</span>
      </button>
      <Status id={`${id}-status`} state={state} />
    </form>
  );
}

/**
 * A lock's state and its "Unlock" button. Rendered for every row, locked or not, so that it stays
 * mounted when the page refreshes after an unlock, and its outcome stays on screen.
 */
export function LiftLockControl({ userId, email, lock }: Pick<Props, 'userId' | 'email'> & { lock: { since: ReactNode; failures: number } | null }) {
  const [state, action, pending] = useActionState<RowFormState, FormData>(liftSignInLockAction, {});
  const id = `lock-${userId}`;
  return (
    <form action={action} className="mt-1 flex flex-wrap items-center gap-2">
      <input type="hidden" name="userId" value={userId} />
      {lock && (
        <>
          <span className="font-medium text-amber-900 dark:text-amber-200">
            Sign-in locked for new places since {lock.since} ({lock.failures} failed sign-ins)
          </span>
          <button type="submit" disabled={pending} aria-describedby={`${id}-status`} className="rounded border border-stone-300 px-2 py-1 text-sm dark:border-stone-700">
            Unlock sign-in<span className="sr-only"> of {email}</span>
          </button>
        </>
      )}
      <Status id={`${id}-status`} state={state} />
    </form>
  );
}

function Status({ id, state }: { id: string; state: RowFormState }) {
  return (
    <span id={id} aria-live="polite" className={`text-sm ${state.ok ? 'text-green-800 dark:text-green-300' : 'text-red-800 dark:text-red-300'}`}>
      {state.message}
    </span>
  );
}
