'use client';
// The few fields a new draft needs; everything else is edited afterwards.
import { useActionState } from 'react';
import { createDraft } from '../actions';
import type { ActionState } from '@/lib/admin/action-state';
import { FormMessage } from '@/components/form/field-error';
import { DocumentField, SLUG_FROM_TITLE } from '@/components/admin/document-field';
import { SubmitButton } from '@/components/form/submit-button';

export function NewDocumentForm() {
  const [state, action] = useActionState<ActionState, FormData>(createDraft, {});
  const v = state.values ?? {};
  return (
    <form action={action} className="max-w-2xl space-y-4" aria-label="New document">
      <FormMessage message={state.message} ok={state.ok} />
      <DocumentField field="title" value={v.title} errors={state.errors?.title} />
      <DocumentField field="slug" value={v.slug} errors={state.errors?.slug} hint={SLUG_FROM_TITLE} />
      <DocumentField field="kind" value={v.kind ?? 'interview'} errors={state.errors?.kind} />
      <DocumentField field="date" value={v.date} errors={state.errors?.date} />
      <DocumentField field="publisher" value={v.publisher} errors={state.errors?.publisher} />
      <DocumentField field="sourceUrl" value={v.sourceUrl} errors={state.errors?.sourceUrl} />
      <DocumentField field="language" value={v.language ?? 'en'} errors={state.errors?.language} />
      <SubmitButton>Create draft</SubmitButton>
    </form>
  );
}
