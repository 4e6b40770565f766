// A labelled form field with its hint and errors, tied to its input by aria-describedby (the speaker and topic forms share it).
import type { ReactNode } from 'react';
import { FieldError } from '@/components/form/field-error';

export const inputClass =
  'mt-1 block w-full rounded-md border border-stone-300 bg-white px-3 py-2 aria-[invalid=true]:border-red-700 dark:border-stone-700 dark:bg-stone-900 dark:aria-[invalid=true]:border-red-400';
export const primaryButtonClass = 'rounded-md bg-stone-800 px-4 py-2 text-white disabled:opacity-60 dark:bg-stone-200 dark:text-stone-900';
export const secondaryButtonClass = 'rounded-md border border-stone-300 px-4 py-2 disabled:opacity-60 dark:border-stone-700';
export const dangerButtonClass = 'rounded-md border border-red-700 px-4 py-2 text-red-800 disabled:opacity-60 dark:border-red-400 dark:text-red-300';

/** The ARIA attributes of an input whose field is `id`: invalid when it has errors, described by its hint and errors. */
export function describedBy(id: string, errors?: string[], hasHint = false) {
  return {
    'aria-invalid': errors && errors.length > 0 ? true : undefined,
    'aria-describedby': hasHint ? `${id}-hint ${id}-error` : `${id}-error`,
  };
}

export function FormField({ id, label, hint, errors, children }: { id: string; label: string; hint?: string; errors?: string[]; children: ReactNode }) {
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {children}
      {hint && (
        <p id={`${id}-hint`} className="mt-1 text-sm muted">
          {hint}
        </p>
      )}
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}
