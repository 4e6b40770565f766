// The outcome of a plain-form action, carried back in the URL (?notice= or ?error=) so it works without JavaScript.
export function Notice({ notice, error }: { notice?: string; error?: string }) {
  if (error) {
    return (
      <p role="alert" className="mb-6 rounded bg-red-50 p-3 dark:bg-red-950">
        {error}
      </p>
    );
  }
  if (notice) {
    return (
      <p role="status" className="mb-6 rounded bg-green-50 p-3 dark:bg-green-950">
        {notice}
      </p>
    );
  }
  return null;
}
