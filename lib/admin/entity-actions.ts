// The one actions factory of the editorial entities (speakers, topics, any to come): create, edit,
// merge, delete and restore a revision, driven by the entity's descriptor. Each route's 'use server'
// file checks the session (editorContext) and hands the context and the form to these.
import 'server-only';
import { redirect } from 'next/navigation';
import { attemptChange, formValues, stateFromError, type ActionState } from '@/lib/admin/action-state';
import { revalidateAfterSave, type ActionContext } from '@/lib/admin/context';
import { restoreRevision } from '@/lib/editorial';
import { formIdParam } from '@/lib/validation/params';
import type { EntityDescriptor, EntitySnapshotBase } from './entities/types';
import { withError, withNotice } from './plain-change';

export { withError, withNotice };

/** A positive whole number from a form field, or null. */
export const idFrom = formIdParam;

/** A textarea's lines, trimmed, empty ones left out (one alias a line); undefined when the field was not sent. */
export function linesOf(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  return text
    .split(/\r\n?|\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '');
}

/** A refused change as one message for ?error=, its field errors included; anything unexpected is rethrown. */
export function refusalMessage(error: unknown): string {
  const state = stateFromError(error);
  const details = Object.entries(state.errors ?? {}).map(([field, messages]) => `${field}: ${messages.join('; ')}.`);
  return [state.message, ...details].filter(Boolean).join(' ');
}

/** Runs a plain form's change; a refusal goes back to `back` with ?error=. */
async function attempt<R>(back: string, change: () => Promise<R>): Promise<R> {
  let failure = '';
  try {
    return await change();
  } catch (error) {
    failure = refusalMessage(error);
  }
  redirect(withError(back, failure));
}

export function entityActions<S extends EntitySnapshotBase, C, U>(entity: EntityDescriptor<S, C, U>) {
  const { noun, listPath } = entity.ui;
  const editPath = (id: number) => `${listPath}/${id}`;

  /** The create form's input; left empty, the address is made from the name. */
  const createInput = (values: Record<string, string>) =>
    ({ name: values.name ?? '', slug: values.slug?.trim() ? values.slug : undefined, ...entity.input.create(values), message: values.message }) as C;

  /** The edit form's input, checked against the version the editor saw, or `overwrite` (see update). */
  const updateInput = (values: Record<string, string>, overwrite: string | undefined) =>
    ({
      ...entity.input.update(values),
      id: values.id ?? '',
      expectedVersion: overwrite || values.expectedVersion || '',
      name: values.name,
      slug: values.slug,
      message: values.message,
    }) as U;

  async function create({ editor, options }: ActionContext, formData: unknown): Promise<ActionState> {
    const values = formValues(formData);
    // The input is read inside the attempt: an entity's own fields may refuse what was sent.
    const attempt = await attemptChange(values, () => entity.editorial.create(editor, createInput(values), options));
    if (attempt.refused) return attempt.refused;
    const created = attempt.saved;
    revalidateAfterSave(created.paths);
    redirect(withNotice(editPath(created.id), `Created the ${noun} “${values.name?.trim()}” at ${entity.publicPath(created.slug)}.`));
  }

  /**
   * Saves the edit form. `overwriteVersion` comes from the conflict view's "Save mine" button: the
   * editor has seen that version and saves over it.
   */
  async function update({ editor, options }: ActionContext, formData: unknown): Promise<ActionState> {
    const { overwriteVersion, ...values } = formValues(formData);
    const attempt = await attemptChange(values, () => entity.editorial.update(editor, updateInput(values, overwriteVersion), options));
    if (attempt.refused) return attempt.refused;
    const result = attempt.saved;
    if (!result.changed && String(result.version) === values.expectedVersion) {
      return { ok: true, message: `Nothing to save: the ${noun} already reads like this.`, values };
    }
    revalidateAfterSave(result.paths);
    redirect(withNotice(editPath(result.id), result.changed ? `Saved as version ${result.version}.` : `Nothing changed; this is version ${result.version}.`));
  }

  async function merge({ editor, options }: ActionContext, formData: unknown): Promise<void> {
    const values = formValues(formData);
    const sourceId = idFrom(values.id);
    if (sourceId === null) redirect(withError(listPath, `No ${noun} was given to merge.`));
    const back = editPath(sourceId);
    const targetId = idFrom(values.targetId);
    if (targetId === null) redirect(withError(back, `Choose the ${noun} to merge into.`));
    if (values.confirm !== 'yes') redirect(withError(back, 'Tick the box to confirm the merge.'));
    // The target was picked from a menu, not edited: it is merged into as it is now. The source is
    // checked against the version the editor was looking at.
    const target = entity.editorial.get(targetId);
    if (!target) redirect(withError(back, `The ${noun} chosen to merge into no longer exists.`));
    const input = { targetId, expectedTargetVersion: target.version, sourceId, expectedSourceVersion: values.expectedVersion ?? '', message: values.message };
    const result = await attempt(back, () => entity.editorial.merge(editor, input, options));
    revalidateAfterSave(result.paths);
    redirect(withNotice(editPath(targetId), `Merged into “${target.name}”, now at version ${result.version}.`));
  }

  async function remove({ editor, options }: ActionContext, formData: unknown): Promise<void> {
    const values = formValues(formData);
    const id = idFrom(values.id);
    if (id === null) redirect(withError(listPath, `No ${noun} was given to delete.`));
    const back = editPath(id);
    if (values.confirm !== 'yes') redirect(withError(back, 'Tick the box to confirm the deletion.'));
    const name = entity.editorial.get(id)?.name;
    const result = await attempt(back, () =>
      entity.editorial.remove(editor, { id, expectedVersion: values.expectedVersion ?? '', message: values.message }, options),
    );
    revalidateAfterSave(result.paths);
    redirect(withNotice(listPath, `Deleted the ${noun} “${name ?? id}”.`));
  }

  async function restore({ editor, options }: ActionContext, formData: unknown): Promise<void> {
    const values = formValues(formData);
    const id = idFrom(values.id);
    if (id === null) redirect(withError(listPath, `No ${noun} was given to restore.`));
    const back = editPath(id);
    const version = idFrom(values.version) ?? 0;
    const expected = idFrom(values.expectedVersion) ?? 0;
    const result = await attempt(back, () => restoreRevision(editor, entity.ui.type, id, version, expected, values.message || null, options));
    if (!result.changed) redirect(withNotice(back, `Version ${version} reads like the current version: nothing changed.`));
    revalidateAfterSave(result.paths);
    redirect(withNotice(back, [`Restored version ${version} as version ${result.version}.`, ...result.warnings].join(' ')));
  }

  return { create, update, merge, remove, restore };
}
