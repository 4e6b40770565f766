'use server';
// Server actions for documents and their status. Each checks the editor's session itself first:
// a server action is a public POST endpoint, whatever page its form sits on.
import { redirect } from 'next/navigation';
import { editorContext, adminContext, revalidateAfterSave } from '@/lib/admin/context';
import { formOf, formValues, stateFromError, type ActionState } from '@/lib/admin/action-state';
import { entryPath, plainChange, withError } from '@/lib/admin/plain-change';
import { publishDocument, restoreDeletedDocument, softDeleteDocument, unpublishDocument, updateDocumentFields } from '@/lib/editorial';

const editPath = (id: FormDataEntryValue | null) => entryPath('/admin/documents', id);

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
    return {
      ok: true,
      message: result.changed ? `Saved as version ${result.version}.` : 'Nothing had changed.',
      values: { ...values, expectedVersion: String(result.version) },
    };
  } catch (error) {
    return stateFromError(error, values);
  }
}

type StatusChange = typeof publishDocument;

/** A one-button change of a document's status, back to its editor with what happened. */
function statusChange(form: FormData, change: StatusChange, done: string, context = editorContext) {
  return plainChange({
    back: editPath(form.get('id')),
    context,
    change: ({ editor, options }) =>
      change(editor, { id: String(form.get('id')), expectedVersion: String(form.get('expectedVersion')), message: String(form.get('message') ?? '') }, options),
    done: () => done,
  });
}

export async function publish(sent: FormData) {
  await statusChange(formOf(sent), publishDocument, 'Published: the document is public now.');
}

export async function unpublish(sent: FormData) {
  await statusChange(formOf(sent), unpublishDocument, 'Unpublished: the document is a draft again, out of public view.');
}

export async function deleteDocument(sent: FormData) {
  const form = formOf(sent);
  if (form.get('confirm') !== 'yes') redirect(withError(editPath(form.get('id')), 'Tick the box to confirm the deletion.'));
  await statusChange(form, softDeleteDocument, 'Deleted: the document left every public page. An admin can restore it.');
}

export async function restoreDocument(sent: FormData) {
  await statusChange(formOf(sent), restoreDeletedDocument, 'Restored from the deleted documents.', adminContext);
}
