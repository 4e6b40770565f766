// The query's field with its label, in the header's search form and the search page's live box: the
// label is for screen readers (the field says what it is by its place and its button), and the field
// is named q, which /search reads.
import type { InputHTMLAttributes } from 'react';

type FieldProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'name' | 'type'>;

export function QueryField({ id, label, ...field }: { id: string; label: string } & FieldProps) {
  return (
    <>
      <label htmlFor={id} className="sr-only">
        {label}
      </label>
      <input id={id} name="q" type="search" {...field} />
    </>
  );
}
