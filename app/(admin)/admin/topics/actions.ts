'use server';
// Topics in the back office: create, edit, merge, delete, restore a revision. Each action checks the signed-in editor first.
import { redirect } from 'next/navigation';
import { formValues, stateFromError, type ActionState } from '@/lib/admin/action-state';
import { editorContext, revalidateAfterSave } from '@/lib/admin/context';
import { createTopic, deleteTopic, getTopicForEditing, mergeTopics, restoreRevision, updateTopic, type EditResult } from '@/lib/editorial';
import { idFrom, refusalMessage, withError, withNotice } from '@/lib/admin/entity-actions';

const LIST_PATH = '/admin/topics';
const editPath = (id: number) => `${LIST_PATH}/${id}`;

export async function createTopicAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const { editor, options } = await editorContext();
  const values = formValues(formData);
  let created: EditResult & { slug: string };
  try {
    created = await createTopic(
      editor,
      {
        name: values.name ?? '',
        // Left empty, the address is made from the name.
        slug: values.slug?.trim() ? values.slug : undefined,
        description: values.description,
        // "" is "no parent".
        parentId: values.parentId ?? '',
        message: values.message,
      },
      options,
    );
  } catch (error) {
    return stateFromError(error, values);
  }
  revalidateAfterSave(created.paths);
  redirect(withNotice(editPath(created.id), `Created the topic “${values.name?.trim()}” at /topics/${created.slug}.`));
}

/**
 * Saves the edit form. `overwriteVersion` comes from the conflict view's "Save mine" button: the
 * editor has seen that version and saves over it.
 */
export async function updateTopicAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const { editor, options } = await editorContext();
  const { overwriteVersion, ...values } = formValues(formData);
  let result: EditResult;
  try {
    result = await updateTopic(
      editor,
      {
        id: values.id ?? '',
        expectedVersion: overwriteVersion || values.expectedVersion || '',
        name: values.name,
        slug: values.slug,
        description: values.description,
        parentId: values.parentId,
        message: values.message,
      },
      options,
    );
  } catch (error) {
    return stateFromError(error, values);
  }
  if (!result.changed && String(result.version) === values.expectedVersion) {
    return { ok: true, message: 'Nothing to save: the topic already reads like this.', values };
  }
  revalidateAfterSave(result.paths);
  redirect(withNotice(editPath(result.id), result.changed ? `Saved as version ${result.version}.` : `Nothing changed; this is version ${result.version}.`));
}

export async function mergeTopicAction(formData: FormData): Promise<void> {
  const { editor, options } = await editorContext();
  const values = formValues(formData);
  const sourceId = idFrom(values.id);
  if (sourceId === null) redirect(withError(LIST_PATH, 'No topic was given to merge.'));
  const back = editPath(sourceId);
  const targetId = idFrom(values.targetId);
  if (targetId === null) redirect(withError(back, 'Choose the topic to merge into.'));
  if (values.confirm !== 'yes') redirect(withError(back, 'Tick the box to confirm the merge.'));
  // The target was picked from a menu, not edited: it is merged into as it is now. The source is
  // checked against the version the editor was looking at.
  const target = getTopicForEditing(targetId);
  if (!target) redirect(withError(back, 'The topic chosen to merge into no longer exists.'));
  let result: EditResult | undefined;
  let failure = '';
  try {
    result = await mergeTopics(
      editor,
      { targetId, expectedTargetVersion: target.version, sourceId, expectedSourceVersion: values.expectedVersion ?? '', message: values.message },
      options,
    );
  } catch (error) {
    failure = refusalMessage(error);
  }
  if (!result) redirect(withError(back, failure));
  revalidateAfterSave(result.paths);
  redirect(withNotice(editPath(targetId), `Merged into “${target.name}”, now at version ${result.version}.`));
}

export async function deleteTopicAction(formData: FormData): Promise<void> {
  const { editor, options } = await editorContext();
  const values = formValues(formData);
  const id = idFrom(values.id);
  if (id === null) redirect(withError(LIST_PATH, 'No topic was given to delete.'));
  const back = editPath(id);
  if (values.confirm !== 'yes') redirect(withError(back, 'Tick the box to confirm the deletion.'));
  const name = getTopicForEditing(id)?.name;
  let result: EditResult | undefined;
  let failure = '';
  try {
    result = await deleteTopic(editor, { id, expectedVersion: values.expectedVersion ?? '', message: values.message }, options);
  } catch (error) {
    failure = refusalMessage(error);
  }
  if (!result) redirect(withError(back, failure));
  revalidateAfterSave(result.paths);
  redirect(withNotice(LIST_PATH, `Deleted the topic “${name ?? id}”.`));
}

export async function restoreTopicRevisionAction(formData: FormData): Promise<void> {
  const { editor, options } = await editorContext();
  const values = formValues(formData);
  const id = idFrom(values.id);
  if (id === null) redirect(withError(LIST_PATH, 'No topic was given to restore.'));
  const back = editPath(id);
  const version = idFrom(values.version) ?? 0;
  let result: (EditResult & { restoredVersion: number }) | undefined;
  let failure = '';
  try {
    result = await restoreRevision(editor, 'topic', id, version, idFrom(values.expectedVersion) ?? 0, values.message || null, options);
  } catch (error) {
    failure = refusalMessage(error);
  }
  if (!result) redirect(withError(back, failure));
  if (!result.changed) redirect(withNotice(back, `Version ${version} reads like the current version: nothing changed.`));
  revalidateAfterSave(result.paths);
  redirect(withNotice(back, [`Restored version ${version} as version ${result.version}.`, ...result.warnings].join(' ')));
}
