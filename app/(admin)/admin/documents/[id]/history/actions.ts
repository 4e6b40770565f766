'use server';
// Restores a document to an earlier revision; the restore is itself a new revision.
import { formOf } from '@/lib/admin/action-state';
import { plainChange } from '@/lib/admin/plain-change';
import { restoreRevision } from '@/lib/editorial';

export async function restoreDocumentRevision(sent: FormData) {
  const form = formOf(sent);
  const id = Number(form.get('id'));
  const version = Number(form.get('revisionVersion'));
  await plainChange({
    back: `/admin/documents/${id}/history`,
    change: ({ editor, options }) =>
      restoreRevision(editor, 'document', id, version, Number(form.get('expectedVersion')), String(form.get('message') ?? '') || null, options),
    done: (result) => `Restored version ${version} as version ${result.version}.${result.warnings.length > 0 ? ` ${result.warnings.join(' ')}` : ''}`,
  });
}
