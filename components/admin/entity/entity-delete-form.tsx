// Deleting an unused speaker (or topic): a plain form with a confirmation, or why it cannot be deleted.
import { SubmitButton } from '@/components/form/submit-button';
import type { EntryTarget } from './entry-target';

interface Props extends EntryTarget {
  /** Set when the entry is in use: shown instead of the button. */
  blockedReason: string | null;
  action: (formData: FormData) => Promise<void>;
}

export function EntityDeleteForm({ noun, id, name, expectedVersion, blockedReason, action }: Props) {
  if (blockedReason) return <p>{blockedReason}</p>;
  return (
    <form action={action} className="grid max-w-xl gap-4">
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="expectedVersion" value={expectedVersion} />
      <p className="text-sm muted">Nothing refers to this {noun}, so it can be deleted. Its history stays on record.</p>
      <div className="flex items-start gap-2">
        <input id="delete-confirm" name="confirm" type="checkbox" value="yes" required className="mt-1" />
        <label htmlFor="delete-confirm">Yes, delete “{name}”.</label>
      </div>
      <div>
        <SubmitButton variant="danger">Delete {noun}</SubmitButton>
      </div>
    </form>
  );
}
