'use client';
// The one submit button of every form: disabled while its form is being sent (useFormStatus reads the
// enclosing <form>), so a second click cannot send the same change twice.
import type { ReactNode } from 'react';
import { useFormStatus } from 'react-dom';

export type ButtonVariant = 'primary' | 'secondary' | 'danger';

export function SubmitButton({
  children,
  variant = 'primary',
  small = false,
  pendingLabel,
  name,
  value,
  formAction,
  className = '',
  describedBy,
}: {
  children: ReactNode;
  variant?: ButtonVariant;
  small?: boolean;
  /** What the button says while the form is sent; by default it keeps its label. */
  pendingLabel?: ReactNode;
  name?: string;
  value?: string;
  formAction?: (formData: FormData) => void | Promise<void>;
  className?: string;
  /** The id of what tells the outcome of this button's form (aria-describedby). */
  describedBy?: string;
}) {
  const { pending } = useFormStatus();
  return (
    <button
      type="submit"
      name={name}
      value={value}
      formAction={formAction}
      disabled={pending}
      aria-describedby={describedBy}
      className={buttonClass(variant, small, className)}
    >
      {pending && pendingLabel ? pendingLabel : children}
    </button>
  );
}

export function buttonClass(variant: ButtonVariant = 'primary', small = false, extra = ''): string {
  return [`button-${variant}`, small ? 'button-small' : '', extra].filter(Boolean).join(' ');
}
