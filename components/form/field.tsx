// The one form-field kit: a label, the control, its hint and its errors, the control described by the
// hint and errors (aria-describedby) and marked invalid when there are errors. Every form uses it.
import type { ReactNode } from 'react';
import { FieldError } from './field-error';
import { Options } from './options';

/** The ARIA attributes of the control of field `id`: invalid when it has errors, described by its hint and errors. */
export function describedBy(id: string, errors?: string[], hasHint = false) {
  return {
    'aria-invalid': errors && errors.length > 0 ? true : undefined,
    'aria-describedby': hasHint ? `${id}-hint ${id}-error` : `${id}-error`,
  };
}

export function Field({ id, label, hint, errors, children }: { id: string; label: ReactNode; hint?: string; errors?: string[]; children: ReactNode }) {
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
      {children}
      <FieldError id={`${id}-error`} errors={errors} />
    </div>
  );
}

interface ControlProps {
  name: string;
  label: ReactNode;
  /** The element id; `field-<name>` unless two forms on one page share a name. */
  id?: string;
  hint?: string;
  errors?: string[];
  required?: boolean;
}

export function TextField({
  multiline = false,
  rows = 3,
  defaultValue,
  type = 'text',
  autoComplete,
  maxLength,
  spellCheck,
  ...props
}: ControlProps & {
  multiline?: boolean;
  rows?: number;
  defaultValue?: string | null;
  type?: 'text' | 'email' | 'password' | 'url' | 'date';
  autoComplete?: string;
  maxLength?: number;
  spellCheck?: boolean;
}) {
  const id = props.id ?? `field-${props.name}`;
  const control = {
    id,
    name: props.name,
    defaultValue: defaultValue ?? '',
    required: props.required,
    maxLength,
    className: 'input',
    ...describedBy(id, props.errors, Boolean(props.hint)),
  };
  return (
    <Field id={id} label={props.label} hint={props.hint} errors={props.errors}>
      {multiline ? <textarea rows={rows} {...control} /> : <input type={type} autoComplete={autoComplete} spellCheck={spellCheck} {...control} />}
    </Field>
  );
}

export function SelectField({
  options,
  defaultValue,
  ...props
}: ControlProps & { options: readonly { value: string; label: string }[]; defaultValue?: string | null }) {
  const id = props.id ?? `field-${props.name}`;
  return (
    <Field id={id} label={props.label} hint={props.hint} errors={props.errors}>
      {/* Keyed by its default: React applies a select's defaultValue only when it mounts, so after a
          failed save the form's reset would otherwise show the old choice, not what was submitted. */}
      <select
        key={defaultValue ?? ''}
        id={id}
        name={props.name}
        defaultValue={defaultValue ?? undefined}
        required={props.required}
        className="input"
        {...describedBy(id, props.errors, Boolean(props.hint))}
      >
        <Options options={options} />
      </select>
    </Field>
  );
}
