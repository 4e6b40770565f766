'use client';
// The form that creates a topic: name, optional address, description and parent; errors by their fields.
import { useActionState } from 'react';
import { createTopicAction } from '@/app/(admin)/admin/topics/actions';
import { FormMessage } from '@/components/form/field-error';
import type { ActionState } from '@/lib/admin/action-state';
import type { Choice } from '@/lib/data/admin';
import { describedBy, FormField, inputClass, primaryButtonClass } from '../entity/form-field';
import { ParentSelect } from './parent-select';

export function TopicCreateForm({ choices }: { choices: Choice[] }) {
  const [state, action, pending] = useActionState<ActionState, FormData>(createTopicAction, {});
  // A refused form keeps what was typed; a created topic opens its own page.
  const values = state.values ?? {};
  const errors = state.errors ?? {};

  return (
    <form action={action} noValidate className="grid max-w-xl gap-4">
      <div aria-live="polite">
        <FormMessage message={state.message} ok={state.ok} />
      </div>
      <FormField id="new-topic-name" label="Name" errors={errors.name}>
        <input id="new-topic-name" name="name" required maxLength={200} autoComplete="off" defaultValue={values.name} {...describedBy('new-topic-name', errors.name)} className={inputClass} />
      </FormField>
      <FormField id="new-topic-slug" label="Address (optional)" hint="Lowercase letters, digits and hyphens, as in /topics/human-rights. Left empty, it is made from the name." errors={errors.slug}>
        <input id="new-topic-slug" name="slug" maxLength={120} autoComplete="off" spellCheck={false} defaultValue={values.slug} {...describedBy('new-topic-slug', errors.slug, true)} className={inputClass} />
      </FormField>
      <FormField id="new-topic-description" label="Description (optional)" errors={errors.description}>
        <textarea id="new-topic-description" name="description" rows={3} maxLength={2000} defaultValue={values.description} {...describedBy('new-topic-description', errors.description)} className={inputClass} />
      </FormField>
      <ParentSelect id="new-topic-parent" choices={choices} defaultValue={values.parentId ?? ''} errors={errors.parentId} />
      <div>
        <button type="submit" disabled={pending} className={primaryButtonClass}>
          {pending ? 'Creating…' : 'Create topic'}
        </button>
      </div>
    </form>
  );
}
