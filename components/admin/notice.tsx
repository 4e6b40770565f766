// The outcome of a plain-form action, carried back in the URL (?notice= or ?error=) so it works without JavaScript.
// A query parameter given twice (?notice=a&notice=b) shows the first.
type Param = string | string[] | undefined;
const first = (value: Param) => (Array.isArray(value) ? value[0] : value);

export function Notice({ notice: notices, error: errors }: { notice?: Param; error?: Param }) {
  const [notice, error] = [first(notices), first(errors)];
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
