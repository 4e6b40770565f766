'use server';
// Server actions for a document's table of contents: add, edit, move and delete a section. Each checks
// the session itself; each is a change of the document (expectedVersion is the document's).
import type { ActionState } from '@/lib/admin/action-state';
import { formOf } from '@/lib/admin/action-state';
import { formChange } from '@/lib/admin/form-change';
import { entryPath, plainChange, withNotice } from '@/lib/admin/plain-change';
import { addSection, deleteSection, moveSection, updateSection } from '@/lib/editorial';

const documentEditor = (id: unknown) => entryPath('/admin/documents', id);
const HASH = '#table-of-contents';

const fields = (values: Record<string, string>) => ({
  documentId: values.documentId,
  expectedVersion: values.expectedVersion,
  title: values.title ?? '',
  synopsis: values.synopsis ?? '',
  startAnchor: values.startAnchor ?? '',
});

/** Adds a section, or edits the one the form names (sectionId). */
export async function saveSection(_previous: ActionState, sent: FormData): Promise<ActionState> {
  return formChange(
    sent,
    ({ editor, options }, values) =>
      values.sectionId ? updateSection(editor, { ...fields(values), sectionId: values.sectionId }, options) : addSection(editor, fields(values), options),
    (result, values) =>
      withNotice(documentEditor(values.documentId), result.changed ? `Section “${values.title?.trim()}” saved.` : 'Nothing had changed.', HASH),
  );
}

const ref = (form: FormData) => ({
  documentId: form.get('documentId'),
  expectedVersion: form.get('expectedVersion'),
  sectionId: form.get('sectionId'),
});

export async function moveSectionAction(sent: FormData): Promise<void> {
  const form = formOf(sent);
  await plainChange({
    back: documentEditor(form.get('documentId')),
    hash: HASH,
    change: ({ editor, options }) => moveSection(editor, { ...ref(form), direction: form.get('direction') }, options),
    done: () => 'Section moved.',
  });
}

export async function deleteSectionAction(sent: FormData): Promise<void> {
  const form = formOf(sent);
  await plainChange({
    back: documentEditor(form.get('documentId')),
    hash: HASH,
    change: ({ editor, options }) => deleteSection(editor, ref(form), options),
    done: () => 'Section deleted.',
  });
}
