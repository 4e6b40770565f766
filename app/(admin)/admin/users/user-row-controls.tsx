'use client';
// One user's controls in the users table: change the role, disable or enable, lift a sign-in lock,
// each with its outcome announced next to it.
import { useActionState, type ReactNode } from 'react';
import { SubmitButton } from '@/components/form/submit-button';
import { optionsOf, USER_ROLES, type UserRole } from '@/lib/vocabulary';
import { changeRoleAction, liftSignInLockAction, setDisabledAction, type RowFormState } from './actions';
import { Options } from '@/components/form/options';

interface Props {
  userId: string;
  email: string;
  role: UserRole;
  disabled: boolean;
}

/** A small form of one row: the user's id, the controls, and the outcome (`${id}-status`) announced after them. */
function RowForm({
  id,
  userId,
  action: serverAction,
  className = '',
  children,
}: {
  id: string;
  userId: string;
  action: (state: RowFormState, form: FormData) => Promise<RowFormState>;
  className?: string;
  children: ReactNode;
}) {
  const [state, action] = useActionState<RowFormState, FormData>(serverAction, {});
  return (
    <form action={action} className={`flex flex-wrap items-center gap-2 ${className}`}>
      <input type="hidden" name="userId" value={userId} />
      {children}
      <span id={`${id}-status`} aria-live="polite" className={`text-sm ${state.ok ? 'text-green-800 dark:text-green-300' : 'text-red-800 dark:text-red-300'}`}>
        {state.message}
      </span>
    </form>
  );
}

export function RoleControl({ userId, email, role }: Omit<Props, 'disabled'>) {
  const id = `role-${userId}`;
  return (
    <RowForm id={id} userId={userId} action={changeRoleAction}>
      <label htmlFor={id} className="sr-only">
        Role of {email}
      </label>
      <select id={id} name="role" defaultValue={role} aria-describedby={`${id}-status`} className="input mt-0 w-auto py-1">
        <Options options={optionsOf(USER_ROLES)} />
      </select>
      <SubmitButton variant="secondary" small className="text-sm">
        Save<span className="sr-only"> role of {email}</span>
      </SubmitButton>
    </RowForm>
  );
}

export function DisableControl({ userId, email, disabled }: Omit<Props, 'role'>) {
  return (
    <RowForm id={`disabled-${userId}`} userId={userId} action={setDisabledAction}>
      <input type="hidden" name="disabled" value={disabled ? 'false' : 'true'} />
      <SubmitButton variant="secondary" small className="text-sm" describedBy={`disabled-${userId}-status`}>
        {disabled ? 'Enable' : 'Disable'}
        <span className="sr-only"> {email}</span>
      </SubmitButton>
    </RowForm>
  );
}

/**
 * A lock's state and its "Unlock" button. Rendered for every row, locked or not, so that it stays
 * mounted when the page refreshes after an unlock, and its outcome stays on screen.
 */
export function LiftLockControl({ userId, email, lock }: Pick<Props, 'userId' | 'email'> & { lock: { since: ReactNode; failures: number } | null }) {
  return (
    <RowForm id={`lock-${userId}`} userId={userId} action={liftSignInLockAction} className="mt-1">
      {lock && (
        <>
          <span className="font-medium text-amber-900 dark:text-amber-200">
            Sign-in locked for new places since {lock.since} ({lock.failures} failed sign-ins)
          </span>
          <SubmitButton variant="secondary" small className="text-sm" describedBy={`lock-${userId}-status`}>
            Unlock sign-in<span className="sr-only"> of {email}</span>
          </SubmitButton>
        </>
      )}
    </RowForm>
  );
}
