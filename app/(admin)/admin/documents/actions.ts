'use server';
// Server actions for documents and their status. Each checks the editor's session itself first:
// a server action is a public POST endpoint, whatever page its form sits on.
import { redirect } from 'next/navigation';
import { editorContext, adminContext, revalidateAfterSave } from '@/lib/admin/context';
import { formValues, stateFromError, type ActionState } from '@/lib/admin/action-state';
import {
  EditorialError,
  publishDocument,
  restoreDeletedDocument,
  softDeleteDocument,
  unpublishDocument,
  updateDocumentFields,
} from '@/lib/editorial';

const editPath = (id: FormDataEntryValue | null) => `/admin/documents/${encodeURIComponent(String(id ?? ''))}`;
const withNotice = (path: string, key: 'notice' | 'error', text: string) => `${path}?${new URLSearchParams({ [key]: text })}`;

const FIELDS = ['slug', 'kind', 'title', 'subtitle', 'summary', 'publisher', 'sourceUrl', 'date', 'language', 'caption'] as const;

/** The participant rows of the form (participant-speaker-N, participant-role-N); a row without a speaker is skipped. */
function participantsFrom(values: Record<string, string>) {
  return Object.keys(values)
    .filter((key) => key.startsWith('participant-speaker-') && values[key])
    .map((key) => ({ speakerId: values[key], role: values[key.replace('speaker', 'role')] as 'author' }));
}

export async function saveDocumentFields(_previous: ActionState, form: FormData): Promise<ActionState> {
  const { editor, options } = await editorContext();
  const values = formValues(form);
  try {
    const input = Object.fromEntries(FIELDS.map((field) => [field, values[field] ?? '']));
    const result = await updateDocumentFields(
      editor,
      { ...input, participants: participantsFrom(values), id: values.id, expectedVersion: values.expectedVersion, message: values.message ?? '' },
      options,
    );
    revalidateAfterSave(result.paths);
    return { ok: true, message: result.changed ? `Saved as version ${result.version}.` : 'Nothing had changed.', values: { ...values, expectedVersion: String(result.version) } };
  } catch (error) {
    return stateFromError(error, values);
  }
}

type StatusChange = typeof publishDocument;

/** Runs a one-button change and comes back to the document with what happened, as plain forms do. */
async function statusChange(form: FormData, change: StatusChange, done: string, context = editorContext) {
  const { editor, options } = await context();
  const id = form.get('id');
  let target: string;
  try {
    const result = await change(editor, { id: String(id), expectedVersion: String(form.get('expectedVersion')), message: String(form.get('message') ?? '') }, options);
    revalidateAfterSave(result.paths);
    target = withNotice(editPath(id), 'notice', done);
  } catch (error) {
    if (!(error instanceof EditorialError)) throw error;
    target = withNotice(editPath(id), 'error', error.message);
  }
  redirect(target);
}

export async function publish(form: FormData) {
  await statusChange(form, publishDocument, 'Published: the document is public now.');
}

export async function unpublish(form: FormData) {
  await statusChange(form, unpublishDocument, 'Unpublished: the document is a draft again, out of public view.');
}

export async function deleteDocument(form: FormData) {
  if (form.get('confirm') !== 'yes') redirect(withNotice(editPath(form.get('id')), 'error', 'Tick the box to confirm the deletion.'));
  await statusChange(form, softDeleteDocument, 'Deleted: the document left every public page. An admin can restore it.');
}

export async function restoreDocument(form: FormData) {
  await statusChange(form, restoreDeletedDocument, 'Restored from the deleted documents.', adminContext);
}
