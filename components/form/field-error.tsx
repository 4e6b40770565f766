// A form field's errors, linked to its input by id (aria-describedby) and announced when they appear.
export function FieldError({ id, errors }: { id: string; errors?: string[] }) {
  return (
    <div id={id} aria-live="polite" className="text-sm text-red-800 dark:text-red-300">
      {errors?.map((error) => (
        <p key={error}>{error}</p>
      ))}
    </div>
  );
}

/** The message of a whole form: an error, or a confirmation. */
export function FormMessage({ message, ok }: { message?: string; ok?: boolean }) {
  if (!message) return null;
  return (
    <p role={ok ? 'status' : 'alert'} className={ok ? 'rounded bg-green-50 p-3 dark:bg-green-950' : 'rounded bg-red-50 p-3 dark:bg-red-950'}>
      {message}
    </p>
  );
}
