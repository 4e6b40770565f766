// Documents: read one for editing, and edit its fields. Creating one is in new-document.ts, its status
// (publish, unpublish, delete softly, restore) in document-status.ts, restoring a revision's content
// in document-restore.ts. Every change validates its input, runs as one IMMEDIATE transaction on the
// writer, checks the version the editor started from, and records a revision and an audit event. No
// auth checks here: the caller checks the session.
import 'server-only';
import type { Editor } from '@/lib/auth/editor';
import { updateDocumentSchema } from '@/lib/validation/editorial';
import { changedAmong, quoted } from './audit';
import { fieldColumns, setDocumentColumns } from './document-columns';
import { parseInput } from './errors';
import { editFields } from './field-edit';
import type { EditOptions, EditResult } from './history';
import { documentPaths } from './paths';
import { documentSnapshot, sql, type DocumentSnapshot } from './snapshots';
import { setParticipants } from './store';
import { writerOf } from '@/lib/db';

/** The document as an editor sees it (drafts and deleted ones included), or null. */
export function getDocumentForEditing(id: number, options?: EditOptions): DocumentSnapshot | null {
  return documentSnapshot(writerOf(options).db, id);
}

/** A document's id by its slug (drafts and deleted ones included), or null. */
export function findDocumentId(slug: string, options?: EditOptions): number | null {
  const row = sql(writerOf(options).db, 'SELECT id FROM Document WHERE slug = ?').get(slug) as { id: number } | undefined;
  return row?.id ?? null;
}

/** A document's fields, in the order an edit's audit entry lists those that changed. */
const DOCUMENT_FIELDS = ['slug', 'kind', 'title', 'subtitle', 'summary', 'publisher', 'sourceUrl', 'date', 'language', 'caption', 'participants'] as const;

/** Changes the fields given (title, subtitle, summary, publisher, sourceUrl, date, language, caption, kind, slug, participants). */
export async function updateDocumentFields(editor: Editor, input: unknown, options?: EditOptions): Promise<EditResult> {
  const data = parseInput(updateDocumentSchema, input);
  return editFields(
    editor,
    'document',
    data,
    {
      write: (db) => {
        setDocumentColumns(db, data.id, fieldColumns(data));
        if (data.participants) setParticipants(db, data.id, data.participants);
      },
      changed: (before, after) => changedAmong(DOCUMENT_FIELDS, before, after),
      name: (after) => quoted(after.title),
      paths: documentPaths,
    },
    options,
  );
}
