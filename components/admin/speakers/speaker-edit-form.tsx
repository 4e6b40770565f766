'use client';
// The speaker edit form: fields with their errors, and after a stale save both versions side by side.
import { useRouter } from 'next/navigation';
import { useActionState } from 'react';
import { updateSpeakerAction } from '@/app/(admin)/admin/speakers/actions';
import { FormMessage } from '@/components/form/field-error';
import type { ActionState } from '@/lib/admin/action-state';
import type { SpeakerSnapshot } from '@/lib/editorial/snapshots';
import { ConflictPanel } from '../entity/conflict-panel';
import { describedBy, FormField, inputClass, primaryButtonClass } from '../entity/form-field';

const fieldsOf = (speaker: SpeakerSnapshot) => ({
  name: speaker.name,
  slug: speaker.slug,
  bio: speaker.bio ?? '',
  bioSource: speaker.bioSource ?? '',
  aliases: speaker.aliases.join('\n'),
});

/** Give it `key={speaker.version}`: a saved version starts a fresh form. */
export function SpeakerEditForm({ speaker }: { speaker: SpeakerSnapshot }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(updateSpeakerAction, {});
  const router = useRouter();
  const values: Record<string, string> = { ...fieldsOf(speaker), message: '', ...state.values };
  const errors = state.errors ?? {};
  const conflict = state.conflict;
  const current = conflict ? fieldsOf(conflict.current as SpeakerSnapshot) : null;

  return (
    <form action={action} noValidate className="grid max-w-2xl gap-4">
      <input type="hidden" name="id" value={speaker.id} />
      <input type="hidden" name="expectedVersion" value={speaker.version} />
      <div aria-live="polite">
        <FormMessage message={state.message} ok={state.ok} />
      </div>
      <FormField id="speaker-name" label="Name" errors={errors.name}>
        <input id="speaker-name" name="name" required maxLength={200} autoComplete="off" defaultValue={values.name} {...describedBy('speaker-name', errors.name)} className={inputClass} />
      </FormField>
      <FormField id="speaker-slug" label="Address" hint="As in /speakers/ada-lovelace. Changing it changes the public address of the speaker's page." errors={errors.slug}>
        <input id="speaker-slug" name="slug" required maxLength={120} autoComplete="off" spellCheck={false} defaultValue={values.slug} {...describedBy('speaker-slug', errors.slug, true)} className={inputClass} />
      </FormField>
      <FormField id="speaker-bio" label="Bio" errors={errors.bio}>
        <textarea id="speaker-bio" name="bio" rows={6} maxLength={5000} defaultValue={values.bio} {...describedBy('speaker-bio', errors.bio)} className={inputClass} />
      </FormField>
      <FormField id="speaker-bio-source" label="Source of the bio" hint="Where the bio was taken from, if anywhere." errors={errors.bioSource}>
        <input id="speaker-bio-source" name="bioSource" maxLength={300} autoComplete="off" defaultValue={values.bioSource} {...describedBy('speaker-bio-source', errors.bioSource, true)} className={inputClass} />
      </FormField>
      <FormField id="speaker-aliases" label="Other names" hint="One a line: initials or spellings used in transcripts." errors={errors.aliases}>
        <textarea id="speaker-aliases" name="aliases" rows={4} defaultValue={values.aliases} {...describedBy('speaker-aliases', errors.aliases, true)} className={inputClass} />
      </FormField>
      <FormField id="speaker-message" label="Note for the history (optional)" hint="What you changed and why; shown in the history below." errors={errors.message}>
        <input id="speaker-message" name="message" maxLength={500} autoComplete="off" defaultValue={values.message} {...describedBy('speaker-message', errors.message, true)} className={inputClass} />
      </FormField>
      {conflict && current ? (
        <ConflictPanel
          noun="speaker"
          idPrefix="speaker"
          currentVersion={conflict.currentVersion}
          pending={pending}
          onKeepCurrent={() => router.refresh()}
          rows={[
            { label: 'Name', current: current.name, yours: values.name },
            { label: 'Address', current: current.slug, yours: values.slug },
            { label: 'Bio', current: current.bio, yours: values.bio },
            { label: 'Source of the bio', current: current.bioSource, yours: values.bioSource },
            { label: 'Other names', current: current.aliases, yours: values.aliases },
          ]}
        />
      ) : (
        <div>
          <button type="submit" disabled={pending} className={primaryButtonClass}>
            {pending ? 'Saving…' : 'Save changes'}
          </button>
        </div>
      )}
    </form>
  );
}
