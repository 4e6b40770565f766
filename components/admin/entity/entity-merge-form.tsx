// "Merge this speaker (or topic) into …": a plain form with a menu of the others and a confirmation checkbox.
import type { Choice } from '@/lib/data/admin';
import { SubmitButton } from '@/components/form/submit-button';
import { choiceLabels } from './choice-labels';
import type { EntryTarget } from './entry-target';
import { Options } from '@/components/form/options';

interface Props extends EntryTarget {
  /** Every other entry it may be merged into. */
  choices: Choice[];
  action: (formData: FormData) => Promise<void>;
  /** What moves to the chosen entry, in a sentence. */
  explanation: string;
}

export function EntityMergeForm({ noun, id, name, expectedVersion, choices, action, explanation }: Props) {
  if (choices.length === 0)
    return (
      <p className="muted">
        There is no other {noun} to merge “{name}” into.
      </p>
    );
  const labels = choiceLabels(choices);
  return (
    <form action={action} className="grid max-w-xl gap-4">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="expectedVersion" value={expectedVersion} />
      <p id="merge-explanation" className="text-sm muted">
        {explanation}
      </p>
      <div>
        <label htmlFor="merge-target" className="block font-medium">
          Merge “{name}” into
        </label>
        <select id="merge-target" name="targetId" required defaultValue="" aria-describedby="merge-explanation" className="input">
          <option value="" disabled>
            Choose a {noun}…
          </option>
          <Options options={choices.map((choice) => ({ value: choice.id, label: labels.get(choice.id) ?? choice.name }))} />
        </select>
      </div>
      <div>
        <label htmlFor="merge-message" className="block font-medium">
          Note for the history <span className="font-normal muted">(optional)</span>
        </label>
        <input id="merge-message" name="message" maxLength={500} autoComplete="off" className="input" />
      </div>
      <div className="flex items-start gap-2">
        <input id="merge-confirm" name="confirm" type="checkbox" value="yes" required className="mt-1" />
        <label htmlFor="merge-confirm">
          I understand that “{name}” will be deleted and everything pointing to it will point to the chosen {noun}.
        </label>
      </div>
      <div>
        <SubmitButton>Merge</SubmitButton>
      </div>
    </form>
  );
}
