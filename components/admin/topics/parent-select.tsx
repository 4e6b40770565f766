// The "parent topic" menu of the topic forms: none (top level) or one of the other topics.
import type { Choice } from '@/lib/data/admin';
import { choiceLabels } from '../entity/entity-merge-form';
import { describedBy, FormField, inputClass } from '../entity/form-field';

export const NO_PARENT = '(none: a top-level topic)';

/** The menu label of a parent id as the form sends it ("" for none). */
export function parentLabel(choices: Choice[], parentId: string | number | null): string {
  if (parentId === null || parentId === '') return NO_PARENT;
  return choiceLabels(choices).get(Number(parentId)) ?? `topic ${parentId}`;
}

export function ParentSelect({ id, choices, defaultValue, errors }: { id: string; choices: Choice[]; defaultValue: string; errors?: string[] }) {
  const labels = choiceLabels(choices);
  return (
    <FormField id={id} label="Parent topic" hint="The broader topic this one sits under, if any." errors={errors}>
      <select id={id} name="parentId" defaultValue={defaultValue} {...describedBy(id, errors, true)} className={inputClass}>
        <option value="">{NO_PARENT}</option>
        {choices.map((choice) => (
          <option key={choice.id} value={choice.id}>
            {labels.get(choice.id)}
          </option>
        ))}
      </select>
    </FormField>
  );
}
