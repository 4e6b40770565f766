'use server';
// Restores a document to an earlier revision; the restore is itself a new revision.
import { redirect } from 'next/navigation';
import { editorContext, revalidateAfterSave } from '@/lib/admin/context';
import { EditorialError, restoreRevision } from '@/lib/editorial';

export async function restoreDocumentRevision(form: FormData) {
  const { editor, options } = await editorContext();
  const id = Number(form.get('id'));
  const version = Number(form.get('revisionVersion'));
  let target: string;
  try {
    const result = await restoreRevision(editor, 'document', id, version, Number(form.get('expectedVersion')), String(form.get('message') ?? '') || null, options);
    revalidateAfterSave(result.paths);
    const warnings = result.warnings.length > 0 ? ` ${result.warnings.join(' ')}` : '';
    target = `/admin/documents/${id}/history?${new URLSearchParams({ notice: `Restored version ${version} as version ${result.version}.${warnings}` })}`;
  } catch (error) {
    if (!(error instanceof EditorialError)) throw error;
    target = `/admin/documents/${id}/history?${new URLSearchParams({ error: error.message })}`;
  }
  redirect(target);
}
