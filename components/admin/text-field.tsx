// A labelled input or textarea with its errors linked by aria-describedby: the one shape of a form field here.
interface TextFieldProps {
  name: string;
  label: string;
  defaultValue?: string | null;
  errors?: string[];
  multiline?: boolean;
  rows?: number;
  hint?: string;
  required?: boolean;
}

export function TextField({ name, label, defaultValue, errors, multiline = false, rows = 3, hint, required = false }: TextFieldProps) {
  const id = `field-${name}`;
  const describedBy = [`${id}-errors`, hint ? `${id}-hint` : null].filter(Boolean).join(' ');
  const className = 'mt-1 block w-full rounded border border-stone-300 bg-white px-2 py-1.5 dark:border-stone-700 dark:bg-stone-900';
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${id}-hint`} className="text-sm muted">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea id={id} name={name} defaultValue={defaultValue ?? ''} rows={rows} aria-describedby={describedBy} aria-invalid={errors ? true : undefined} required={required} className={className} />
      ) : (
        <input id={id} name={name} defaultValue={defaultValue ?? ''} aria-describedby={describedBy} aria-invalid={errors ? true : undefined} required={required} className={className} />
      )}
      <div id={`${id}-errors`} aria-live="polite" className="text-sm text-red-800 dark:text-red-300">
        {errors?.map((error) => (
          <p key={error}>{error}</p>
        ))}
      </div>
    </div>
  );
}

export function SelectField({ name, label, defaultValue, options, errors }: { name: string; label: string; defaultValue?: string; options: { value: string; label: string }[]; errors?: string[] }) {
  const id = `field-${name}`;
  return (
    <div>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {/* Keyed by its default: React applies a select's defaultValue only when it mounts, so after a
          failed save the form's reset would otherwise show the old choice, not what was submitted. */}
      <select key={defaultValue} id={id} name={name} defaultValue={defaultValue} aria-describedby={`${id}-errors`} className="mt-1 block w-full rounded border border-stone-300 bg-white px-2 py-1.5 dark:border-stone-700 dark:bg-stone-900">
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
      <div id={`${id}-errors`} aria-live="polite" className="text-sm text-red-800 dark:text-red-300">
        {errors?.map((error) => (
          <p key={error}>{error}</p>
        ))}
      </div>
    </div>
  );
}
