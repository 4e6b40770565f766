'use client';
// Every field of a document, saved against the version the editor opened; a failed save keeps the input.
import { useActionState } from 'react';
import { saveDocumentFields } from '@/app/(admin)/admin/documents/actions';
import type { ActionState } from '@/lib/admin/action-state';
import type { DocumentSnapshot } from '@/lib/editorial';
import { FormMessage } from '../field-error';
import { SelectField, TextField } from '../text-field';

const KINDS = ['interview', 'essay', 'speech', 'testimony'].map((k) => ({ value: k, label: k }));

export function DocumentFieldsForm({ document }: { document: DocumentSnapshot }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(saveDocumentFields, {});
  const v = (name: keyof DocumentSnapshot) => state.values?.[name] ?? (document[name] as string | null) ?? '';
  const e = (name: string) => state.errors?.[name];
  return (
    <form action={action} className="space-y-4" aria-label="Document details">
      <input type="hidden" name="id" value={document.id} />
      <input type="hidden" name="expectedVersion" value={state.ok ? state.values?.expectedVersion : (state.conflict ? state.values?.expectedVersion : document.version)} />
      <FormMessage message={state.message} ok={state.ok} />
      {state.conflict && (
        <p className="text-sm">
          Reload the page to see the current version; what you typed stays in the form below until you leave the page.
        </p>
      )}
      <div className="grid gap-4 md:grid-cols-2">
        <TextField name="title" label="Title" defaultValue={v('title')} errors={e('title')} required />
        <TextField name="slug" label="Address (slug)" defaultValue={v('slug')} errors={e('slug')} hint="Changing it breaks links to the old address." required />
        <TextField name="subtitle" label="Subtitle" defaultValue={v('subtitle')} errors={e('subtitle')} />
        <SelectField name="kind" label="Kind" defaultValue={v('kind')} options={KINDS} errors={e('kind')} />
        <TextField name="date" label="Publication date" defaultValue={v('date')} errors={e('date')} hint="YYYY, YYYY-MM or YYYY-MM-DD: the form is the precision." required />
        <TextField name="publisher" label="Publisher" defaultValue={v('publisher')} errors={e('publisher')} />
        <TextField name="sourceUrl" label="Source address" defaultValue={v('sourceUrl')} errors={e('sourceUrl')} />
        <TextField name="language" label="Language" defaultValue={v('language')} errors={e('language')} hint="A tag such as en or ko." required />
      </div>
      <TextField name="summary" label="Summary" defaultValue={v('summary')} errors={e('summary')} multiline />
      <TextField name="caption" label="Photo caption" defaultValue={v('caption')} errors={e('caption')} multiline rows={2} />
      <TextField name="message" label="Note on this change (optional)" defaultValue={state.values?.message} errors={e('message')} />
      <button type="submit" disabled={pending} className="rounded-md bg-stone-800 px-4 py-2 text-white disabled:opacity-60 dark:bg-stone-200 dark:text-stone-900">
        {pending ? 'Saving…' : 'Save details'}
      </button>
    </form>
  );
}
