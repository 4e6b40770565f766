'use client';
// The one create and edit form of every editorial entity (speakers, topics…), drawn from its
// descriptor's fields: errors by their fields, a refused form keeps what was typed, and after a stale
// save both versions side by side. The server action comes in as a prop.
import { useRouter } from 'next/navigation';
import { useActionState } from 'react';
import { FormMessage } from '@/components/form/field-error';
import { SelectField, TextField } from '@/components/form/field';
import { SubmitButton } from '@/components/form/submit-button';
import type { ActionState } from '@/lib/admin/action-state';
import type { EntityFieldUi, EntitySnapshotBase, EntityUi } from '@/lib/admin/entities/types';
import type { Choice } from '@/lib/data/admin';
import { choiceLabels, NO_PARENT, parentLabel } from './choice-labels';
import { ConflictPanel } from './conflict-panel';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

/** A snapshot's fields as the form shows them: lists one a line, none as "". */
function fieldsOf(entity: EntityUi, entry: EntitySnapshotBase): Record<string, string> {
  const values: Record<string, string> = { name: entry.name, slug: entry.slug };
  for (const field of entity.fields) {
    const value = (entry as unknown as Record<string, unknown>)[field.name];
    values[field.name] = Array.isArray(value) ? value.join('\n') : value === null || value === undefined ? '' : String(value);
  }
  return values;
}

function OwnField({
  field,
  prefix,
  mode,
  values,
  errors,
  choices,
}: {
  field: EntityFieldUi;
  prefix: string;
  mode: 'create' | 'edit';
  values: Record<string, string>;
  errors: Record<string, string[]>;
  choices: Choice[];
}) {
  const id = `${prefix}-${field.idPart ?? field.name}`;
  if (field.control === 'parent') {
    const labels = choiceLabels(choices);
    const options = [{ value: '', label: NO_PARENT }, ...choices.map((choice) => ({ value: String(choice.id), label: labels.get(choice.id) ?? choice.name }))];
    return (
      <SelectField
        id={id}
        name={field.name}
        label={field.label}
        hint={field.hint}
        options={options}
        defaultValue={values[field.name] ?? ''}
        errors={errors[field.name]}
      />
    );
  }
  return (
    <TextField
      id={id}
      name={field.name}
      label={mode === 'create' ? `${field.label} (optional)` : field.label}
      hint={field.hint}
      multiline={field.control === 'textarea'}
      rows={field.rows?.[mode]}
      maxLength={field.maxLength}
      autoComplete="off"
      defaultValue={values[field.name]}
      errors={errors[field.name]}
    />
  );
}

interface Props {
  entity: EntityUi;
  action: Action;
  /** The entries a parent menu offers. */
  choices?: Choice[];
  /** The entry to edit; without it the form creates one. Give it `key={entry.version}`: a saved version starts a fresh form. */
  entry?: EntitySnapshotBase;
}

export function EntityForm({ entity, action: serverAction, choices = [], entry }: Props) {
  const [state, action, pending] = useActionState<ActionState, FormData>(serverAction, {});
  const router = useRouter();
  const mode = entry ? 'edit' : 'create';
  const prefix = entry ? entity.noun : `new-${entity.noun}`;
  const values: Record<string, string> = entry ? { ...fieldsOf(entity, entry), message: '', ...state.values } : (state.values ?? {});
  const errors = state.errors ?? {};
  const current = state.conflict ? fieldsOf(entity, state.conflict.current as EntitySnapshotBase) : null;
  const fields = entity.fields.filter((field) => entry || !field.editOnly);
  const shown = (field: EntityFieldUi, from: Record<string, string>) =>
    field.control === 'parent' ? parentLabel(choices, from[field.name]) : from[field.name];

  return (
    <form action={action} noValidate className={`grid gap-4 ${entry ? 'max-w-2xl' : 'max-w-xl'}`}>
      {entry && <input type="hidden" name="id" value={entry.id} />}
      {entry && <input type="hidden" name="expectedVersion" value={entry.version} />}
      <div aria-live="polite">
        <FormMessage message={state.message} ok={state.ok} />
      </div>
      <TextField id={`${prefix}-name`} name="name" label="Name" required maxLength={200} autoComplete="off" defaultValue={values.name} errors={errors.name} />
      <TextField
        id={`${prefix}-slug`}
        name="slug"
        label={entry ? 'Address' : 'Address (optional)'}
        hint={
          entry
            ? `As in ${entity.publicExample}. Changing it changes the public address of the ${entity.noun}'s page.`
            : `Lowercase letters, digits and hyphens, as in ${entity.publicExample}. Left empty, it is made from the name.`
        }
        required={Boolean(entry)}
        maxLength={120}
        autoComplete="off"
        spellCheck={false}
        defaultValue={values.slug}
        errors={errors.slug}
      />
      {fields.map((field) => (
        <OwnField key={field.name} field={field} prefix={prefix} mode={mode} values={values} errors={errors} choices={choices} />
      ))}
      {entry && (
        <TextField
          id={`${prefix}-message`}
          name="message"
          label="Note for the history (optional)"
          hint="What you changed and why; shown in the history below."
          maxLength={500}
          autoComplete="off"
          defaultValue={values.message}
          errors={errors.message}
        />
      )}
      {state.conflict && current ? (
        <ConflictPanel
          noun={entity.noun}
          idPrefix={entity.noun}
          currentVersion={state.conflict.currentVersion}
          pending={pending}
          onKeepCurrent={() => router.refresh()}
          rows={[
            { label: 'Name', current: current.name, yours: values.name },
            { label: 'Address', current: current.slug, yours: values.slug },
            ...entity.fields.map((field) => ({ label: field.label, current: shown(field, current), yours: shown(field, values) })),
          ]}
        />
      ) : (
        <div>
          <SubmitButton pendingLabel={entry ? 'Saving…' : 'Creating…'}>{entry ? 'Save changes' : `Create ${entity.noun}`}</SubmitButton>
        </div>
      )}
    </form>
  );
}
