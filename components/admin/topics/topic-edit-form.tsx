'use client';
// The topic edit form: fields with their errors, and after a stale save both versions side by side.
import { useRouter } from 'next/navigation';
import { useActionState } from 'react';
import { updateTopicAction } from '@/app/(admin)/admin/topics/actions';
import { FormMessage } from '@/components/form/field-error';
import type { ActionState } from '@/lib/admin/action-state';
import type { Choice } from '@/lib/data/admin';
import type { TopicSnapshot } from '@/lib/editorial/snapshots';
import { ConflictPanel } from '../entity/conflict-panel';
import { describedBy, FormField, inputClass, primaryButtonClass } from '../entity/form-field';
import { ParentSelect, parentLabel } from './parent-select';

const fieldsOf = (topic: TopicSnapshot) => ({
  name: topic.name,
  slug: topic.slug,
  description: topic.description ?? '',
  parentId: topic.parentId === null ? '' : String(topic.parentId),
});

/** Give it `key={topic.version}`: a saved version starts a fresh form. `choices`: the topics it may sit under. */
export function TopicEditForm({ topic, choices }: { topic: TopicSnapshot; choices: Choice[] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(updateTopicAction, {});
  const router = useRouter();
  const values: Record<string, string> = { ...fieldsOf(topic), message: '', ...state.values };
  const errors = state.errors ?? {};
  const conflict = state.conflict;
  const current = conflict ? fieldsOf(conflict.current as TopicSnapshot) : null;

  return (
    <form action={action} noValidate className="grid max-w-2xl gap-4">
      <input type="hidden" name="id" value={topic.id} />
      <input type="hidden" name="expectedVersion" value={topic.version} />
      <div aria-live="polite">
        <FormMessage message={state.message} ok={state.ok} />
      </div>
      <FormField id="topic-name" label="Name" errors={errors.name}>
        <input id="topic-name" name="name" required maxLength={200} autoComplete="off" defaultValue={values.name} {...describedBy('topic-name', errors.name)} className={inputClass} />
      </FormField>
      <FormField id="topic-slug" label="Address" hint="As in /topics/human-rights. Changing it changes the public address of the topic's page." errors={errors.slug}>
        <input id="topic-slug" name="slug" required maxLength={120} autoComplete="off" spellCheck={false} defaultValue={values.slug} {...describedBy('topic-slug', errors.slug, true)} className={inputClass} />
      </FormField>
      <FormField id="topic-description" label="Description" errors={errors.description}>
        <textarea id="topic-description" name="description" rows={4} maxLength={2000} defaultValue={values.description} {...describedBy('topic-description', errors.description)} className={inputClass} />
      </FormField>
      <ParentSelect id="topic-parent" choices={choices} defaultValue={values.parentId} errors={errors.parentId} />
      <FormField id="topic-message" label="Note for the history (optional)" hint="What you changed and why; shown in the history below." errors={errors.message}>
        <input id="topic-message" name="message" maxLength={500} autoComplete="off" defaultValue={values.message} {...describedBy('topic-message', errors.message, true)} className={inputClass} />
      </FormField>
      {conflict && current ? (
        <ConflictPanel
          noun="topic"
          idPrefix="topic"
          currentVersion={conflict.currentVersion}
          pending={pending}
          onKeepCurrent={() => router.refresh()}
          rows={[
            { label: 'Name', current: current.name, yours: values.name },
            { label: 'Address', current: current.slug, yours: values.slug },
            { label: 'Description', current: current.description, yours: values.description },
            { label: 'Parent topic', current: parentLabel(choices, current.parentId), yours: parentLabel(choices, values.parentId) },
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
