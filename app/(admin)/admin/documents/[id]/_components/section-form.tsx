'use client';
// One section of the table of contents, to add or to edit: its title, synopsis and the passage it
// starts at. Field ids carry the section's key, since one page holds a form per section.
import { useActionState } from 'react';
import { saveSection } from '../sections/actions';
import type { ActionState } from '@/lib/admin/action-state';
import { FormMessage } from '@/components/form/field-error';
import { SelectField, TextField } from '@/components/form/field';
import { SubmitButton } from '@/components/form/submit-button';

export interface StartChoice {
  value: string;
  label: string;
}

interface Props {
  documentId: number;
  version: number;
  /** The section edited, or none for a new one. */
  section?: { id: number; title: string; synopsis: string | null; startAnchor: number };
  starts: StartChoice[];
}

export function SectionForm({ documentId, version, section, starts }: Props) {
  const [state, action] = useActionState<ActionState, FormData>(saveSection, {});
  const key = section ? `section-${section.id}` : 'new-section';
  const values = state.values;
  return (
    <form action={action} className="space-y-3" aria-label={section ? `Section “${section.title}”` : 'New section'}>
      <input type="hidden" name="documentId" value={documentId} />
      <input type="hidden" name="expectedVersion" value={version} />
      {section && <input type="hidden" name="sectionId" value={section.id} />}
      <FormMessage message={state.message} ok={state.ok} />
      <div className="grid gap-3 md:grid-cols-2">
        <TextField
          id={`${key}-title`}
          name="title"
          label="Section title"
          defaultValue={values?.title ?? section?.title}
          errors={state.errors?.title}
          required
        />
        <SelectField
          id={`${key}-start`}
          name="startAnchor"
          label="Starts at passage"
          defaultValue={values?.startAnchor ?? (section ? String(section.startAnchor) : '')}
          options={[...(section ? [] : [{ value: '', label: 'Choose a passage' }]), ...starts]}
          errors={state.errors?.startAnchor}
          required
        />
      </div>
      <TextField
        id={`${key}-synopsis`}
        name="synopsis"
        label="Synopsis (optional)"
        multiline
        rows={2}
        defaultValue={values?.synopsis ?? section?.synopsis}
        errors={state.errors?.synopsis}
      />
      <SubmitButton small pendingLabel="Saving…">
        {section ? 'Save section' : 'Add section'}
      </SubmitButton>
    </form>
  );
}
