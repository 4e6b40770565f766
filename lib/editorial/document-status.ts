// A document's publication and deletion: publish, unpublish, delete softly, restore a deleted one.
// Status is not content: these have functions (and, for restoring, a permission) of their own.
import 'server-only';
import type { Editor } from '@/lib/auth/editor';
import { documentActionSchema } from '@/lib/validation/editorial';
import { quoted } from './audit';
import { setDocumentColumns } from './document-columns';
import { EditorialError, parseInput } from './errors';
import { changeEntry, entryOf, type EditOptions, type EditResult } from './history';
import { documentPaths } from './paths';
import { nowIso } from '@/lib/db';

function statusChange(editor: Editor, input: unknown, options: EditOptions | undefined, action: 'publish' | 'unpublish' | 'delete' | 'restore'): EditResult {
  const data = parseInput(documentActionSchema, input);
  return changeEntry(
    editor,
    {
      entityType: 'document',
      ...entryOf(data, { ...data, action }),
      allowDeleted: action === 'restore',
      mutate: (before, db) => {
        if (action === 'publish') {
          if (before.passages.length === 0) throw new EditorialError(`${quoted(before.title)} has no passages yet; add one before publishing.`);
          setDocumentColumns(db, data.id, { status: 'published' });
        } else if (action === 'unpublish') {
          setDocumentColumns(db, data.id, { status: 'draft' });
        } else if (action === 'delete') {
          setDocumentColumns(db, data.id, { deletedAt: nowIso() });
        } else {
          if (before.deletedAt === null) throw new EditorialError(`${quoted(before.title)} is not deleted.`);
          setDocumentColumns(db, data.id, { deletedAt: null });
        }
      },
      describe: (_r, _before, after) => {
        const what = { publish: 'Published', unpublish: 'Unpublished', delete: 'Deleted', restore: 'Restored the deleted document' }[action];
        return { action, summary: `${what} ${quoted(after.title)} (${after.slug})`, message: what };
      },
      paths: documentPaths,
    },
    options,
  ).edit;
}

/** Makes a draft public. Needs at least one passage. */
export async function publishDocument(editor: Editor, input: unknown, options?: EditOptions): Promise<EditResult> {
  return statusChange(editor, input, options, 'publish');
}

/** Takes a document back to draft: it leaves every public view. */
export async function unpublishDocument(editor: Editor, input: unknown, options?: EditOptions): Promise<EditResult> {
  return statusChange(editor, input, options, 'unpublish');
}

/** Deletes softly (sets deletedAt): it leaves every public view; an admin can restore it; it cannot be edited meanwhile. */
export async function softDeleteDocument(editor: Editor, input: unknown, options?: EditOptions): Promise<EditResult> {
  return statusChange(editor, input, options, 'delete');
}

/** Brings a deleted document back as it was (status unchanged). For admins: the caller checks. */
export async function restoreDeletedDocument(editor: Editor, input: unknown, options?: EditOptions): Promise<EditResult> {
  return statusChange(editor, input, options, 'restore');
}
