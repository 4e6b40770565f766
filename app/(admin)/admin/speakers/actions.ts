'use server';
// Speakers in the back office: create, edit, merge, delete, restore a revision. Each action checks the signed-in editor first.
import { redirect } from 'next/navigation';
import { formValues, stateFromError, type ActionState } from '@/lib/admin/action-state';
import { editorContext, revalidateAfterSave } from '@/lib/admin/context';
import { createSpeaker, deleteSpeaker, getSpeakerForEditing, mergeSpeakers, restoreRevision, updateSpeaker, type EditResult } from '@/lib/editorial';
import { idFrom, linesOf, refusalMessage, withError, withNotice } from '@/lib/admin/entity-actions';

const LIST_PATH = '/admin/speakers';
const editPath = (id: number) => `${LIST_PATH}/${id}`;

export async function createSpeakerAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const { editor, options } = await editorContext();
  const values = formValues(formData);
  let created: EditResult & { slug: string };
  try {
    created = await createSpeaker(
      editor,
      {
        name: values.name ?? '',
        // Left empty, the address is made from the name.
        slug: values.slug?.trim() ? values.slug : undefined,
        bio: values.bio,
        aliases: linesOf(values.aliases) ?? [],
        message: values.message,
      },
      options,
    );
  } catch (error) {
    return stateFromError(error, values);
  }
  revalidateAfterSave(created.paths);
  redirect(withNotice(editPath(created.id), `Created the speaker “${values.name?.trim()}” at /speakers/${created.slug}.`));
}

/**
 * Saves the edit form. `overwriteVersion` comes from the conflict view's "Save mine" button: the
 * editor has seen that version and saves over it.
 */
export async function updateSpeakerAction(_previous: ActionState, formData: FormData): Promise<ActionState> {
  const { editor, options } = await editorContext();
  const { overwriteVersion, ...values } = formValues(formData);
  const expectedVersion = overwriteVersion || values.expectedVersion || '';
  let result: EditResult;
  try {
    result = await updateSpeaker(
      editor,
      {
        id: values.id ?? '',
        expectedVersion,
        name: values.name,
        slug: values.slug,
        bio: values.bio,
        bioSource: values.bioSource,
        aliases: linesOf(values.aliases),
        message: values.message,
      },
      options,
    );
  } catch (error) {
    return stateFromError(error, values);
  }
  if (!result.changed && String(result.version) === values.expectedVersion) {
    return { ok: true, message: 'Nothing to save: the speaker already reads like this.', values };
  }
  revalidateAfterSave(result.paths);
  redirect(withNotice(editPath(result.id), result.changed ? `Saved as version ${result.version}.` : `Nothing changed; this is version ${result.version}.`));
}

export async function mergeSpeakerAction(formData: FormData): Promise<void> {
  const { editor, options } = await editorContext();
  const values = formValues(formData);
  const sourceId = idFrom(values.id);
  if (sourceId === null) redirect(withError(LIST_PATH, 'No speaker was given to merge.'));
  const back = editPath(sourceId);
  const targetId = idFrom(values.targetId);
  if (targetId === null) redirect(withError(back, 'Choose the speaker to merge into.'));
  if (values.confirm !== 'yes') redirect(withError(back, 'Tick the box to confirm the merge.'));
  // The target was picked from a menu, not edited: it is merged into as it is now. The source is
  // checked against the version the editor was looking at.
  const target = getSpeakerForEditing(targetId);
  if (!target) redirect(withError(back, 'The speaker chosen to merge into no longer exists.'));
  let result: EditResult | undefined;
  let failure = '';
  try {
    result = await mergeSpeakers(
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

export async function deleteSpeakerAction(formData: FormData): Promise<void> {
  const { editor, options } = await editorContext();
  const values = formValues(formData);
  const id = idFrom(values.id);
  if (id === null) redirect(withError(LIST_PATH, 'No speaker was given to delete.'));
  const back = editPath(id);
  if (values.confirm !== 'yes') redirect(withError(back, 'Tick the box to confirm the deletion.'));
  const name = getSpeakerForEditing(id)?.name;
  let result: EditResult | undefined;
  let failure = '';
  try {
    result = await deleteSpeaker(editor, { id, expectedVersion: values.expectedVersion ?? '', message: values.message }, options);
  } catch (error) {
    failure = refusalMessage(error);
  }
  if (!result) redirect(withError(back, failure));
  revalidateAfterSave(result.paths);
  redirect(withNotice(LIST_PATH, `Deleted the speaker “${name ?? id}”.`));
}

export async function restoreSpeakerRevisionAction(formData: FormData): Promise<void> {
  const { editor, options } = await editorContext();
  const values = formValues(formData);
  const id = idFrom(values.id);
  if (id === null) redirect(withError(LIST_PATH, 'No speaker was given to restore.'));
  const back = editPath(id);
  const version = idFrom(values.version) ?? 0;
  let result: (EditResult & { restoredVersion: number }) | undefined;
  let failure = '';
  try {
    result = await restoreRevision(editor, 'speaker', id, version, idFrom(values.expectedVersion) ?? 0, values.message || null, options);
  } catch (error) {
    failure = refusalMessage(error);
  }
  if (!result) redirect(withError(back, failure));
  if (!result.changed) redirect(withNotice(back, `Version ${version} reads like the current version: nothing changed.`));
  revalidateAfterSave(result.paths);
  redirect(withNotice(back, [`Restored version ${version} as version ${result.version}.`, ...result.warnings].join(' ')));
}
