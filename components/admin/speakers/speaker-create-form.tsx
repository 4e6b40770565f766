'use client';
// The form that creates a speaker: name, optional address, bio and other names; errors by their fields.
import { useActionState } from 'react';
import { createSpeakerAction } from '@/app/(admin)/admin/speakers/actions';
import { FormMessage } from '@/components/form/field-error';
import type { ActionState } from '@/lib/admin/action-state';
import { describedBy, FormField, inputClass, primaryButtonClass } from '../entity/form-field';

export function SpeakerCreateForm() {
  const [state, action, pending] = useActionState<ActionState, FormData>(createSpeakerAction, {});
  // A refused form keeps what was typed; a created speaker opens its own page.
  const values = state.values ?? {};
  const errors = state.errors ?? {};

  return (
    <form action={action} noValidate className="grid max-w-xl gap-4">
      <div aria-live="polite">
        <FormMessage message={state.message} ok={state.ok} />
      </div>
      <FormField id="new-speaker-name" label="Name" errors={errors.name}>
        <input id="new-speaker-name" name="name" required maxLength={200} autoComplete="off" defaultValue={values.name} {...describedBy('new-speaker-name', errors.name)} className={inputClass} />
      </FormField>
      <FormField id="new-speaker-slug" label="Address (optional)" hint="Lowercase letters, digits and hyphens, as in /speakers/ada-lovelace. Left empty, it is made from the name." errors={errors.slug}>
        <input id="new-speaker-slug" name="slug" maxLength={120} autoComplete="off" spellCheck={false} defaultValue={values.slug} {...describedBy('new-speaker-slug', errors.slug, true)} className={inputClass} />
      </FormField>
      <FormField id="new-speaker-bio" label="Bio (optional)" errors={errors.bio}>
        <textarea id="new-speaker-bio" name="bio" rows={4} maxLength={5000} defaultValue={values.bio} {...describedBy('new-speaker-bio', errors.bio)} className={inputClass} />
      </FormField>
      <FormField id="new-speaker-aliases" label="Other names (optional)" hint="One a line: initials or spellings used in transcripts." errors={errors.aliases}>
        <textarea id="new-speaker-aliases" name="aliases" rows={3} defaultValue={values.aliases} {...describedBy('new-speaker-aliases', errors.aliases, true)} className={inputClass} />
      </FormField>
      <div>
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? 'Creating…' : 'Create speaker'}
        </button>
      </div>
    </form>
  );
}
