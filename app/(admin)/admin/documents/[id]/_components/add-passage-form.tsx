'use client';
// Adds a passage after another one; it gets an anchor no passage of this document ever had.
import { useActionState } from 'react';
import { createPassage } from '../passages/actions';
import type { ActionState } from '@/lib/admin/action-state';
import type { Choice } from '@/lib/data/admin';
import type { DocumentSnapshot } from '@/lib/editorial';
import { FormMessage } from '@/components/form/field-error';
import { SelectField, TextField } from '@/components/form/field';
import { usePassageLengthGuard } from './passage-length';
import { SubmitButton } from '@/components/form/submit-button';
import { PASSAGE_KINDS } from '@/lib/vocabulary';

export function AddPassageForm({ document, speakers }: { document: DocumentSnapshot; speakers: Choice[] }) {
  const [state, action] = useActionState<ActionState, FormData>(createPassage, {});
  const [tooLong, guardLength] = usePassageLengthGuard();
  const last = document.passages.at(-1)?.anchor;
  return (
    <form action={action} onSubmit={guardLength} className="space-y-3" aria-labelledby="add-passage">
      <h2 id="add-passage" className="text-xl font-semibold">
        Add a passage
      </h2>
      <FormMessage message={tooLong ?? state.message} ok={tooLong ? false : state.ok} />
      <input type="hidden" name="documentId" value={document.id} />
      <input type="hidden" name="expectedVersion" value={document.version} />
      <div className="grid gap-4 md:grid-cols-3">
        <SelectField
          name="afterAnchor"
          label="After"
          defaultValue={state.values?.afterAnchor ?? (last ? String(last) : '')}
          options={[{ value: '', label: 'At the start' }, ...document.passages.map((p) => ({ value: String(p.anchor), label: `¶${p.anchor}` }))]}
          errors={state.errors?.afterAnchor}
        />
        <SelectField
          name="kind"
          label="Kind"
          defaultValue={state.values?.kind ?? (document.kind === 'interview' ? 'answer' : 'paragraph')}
          options={PASSAGE_KINDS.map((k) => ({ value: k, label: k }))}
          errors={state.errors?.kind}
        />
        <SelectField
          name="speakerId"
          label="Speaker"
          defaultValue={state.values?.speakerId ?? ''}
          options={[{ value: '', label: 'No speaker' }, ...speakers.map((s) => ({ value: String(s.id), label: s.name }))]}
          errors={state.errors?.speakerId}
        />
      </div>
      <TextField
        name="text"
        label="Text"
        defaultValue={state.values?.text}
        errors={tooLong ? ['is longer than a passage takes'] : state.errors?.text}
        multiline
        rows={5}
        hint="A blank line separates paragraphs."
      />
      <SubmitButton>Add passage</SubmitButton>
    </form>
  );
}
