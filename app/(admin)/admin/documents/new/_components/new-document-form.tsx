'use client';
// The few fields a new draft needs; everything else is edited afterwards.
import { useActionState } from 'react';
import { createDraft } from '../actions';
import type { ActionState } from '@/lib/admin/action-state';
import { FormMessage } from '@/components/form/field-error';
import { SelectField, TextField } from '@/components/form/field';
import { SubmitButton } from '@/components/form/submit-button';
import { DOCUMENT_KINDS } from '@/lib/vocabulary';

export function NewDocumentForm() {
  const [state, action] = useActionState<ActionState, FormData>(createDraft, {});
  const v = state.values ?? {};
  return (
    <form action={action} className="max-w-2xl space-y-4" aria-label="New document">
      <FormMessage message={state.message} ok={state.ok} />
      <TextField name="title" label="Title" defaultValue={v.title} errors={state.errors?.title} required />
      <TextField name="slug" label="Address (slug)" defaultValue={v.slug} errors={state.errors?.slug} hint="Made from the title when left empty." />
      <SelectField
        name="kind"
        label="Kind"
        defaultValue={v.kind ?? 'interview'}
        options={DOCUMENT_KINDS.map((k) => ({ value: k, label: k }))}
        errors={state.errors?.kind}
      />
      <TextField
        name="date"
        label="Publication date"
        defaultValue={v.date}
        errors={state.errors?.date}
        hint="YYYY, YYYY-MM or YYYY-MM-DD: the form is the precision."
        required
      />
      <TextField name="publisher" label="Publisher" defaultValue={v.publisher} errors={state.errors?.publisher} />
      <TextField name="sourceUrl" label="Source address" defaultValue={v.sourceUrl} errors={state.errors?.sourceUrl} />
      <TextField name="language" label="Language" defaultValue={v.language ?? 'en'} errors={state.errors?.language} />
      <SubmitButton>Create draft</SubmitButton>
    </form>
  );
}
