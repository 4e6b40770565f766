// A document's recording: an external http(s) address, a file the recording store wrote under
// RECORDINGS_DIR, or none. One change of the document (its version, revision and audit entry). The
// file itself is not touched here: the caller stores a new one before and removes the old one (named
// in the result) only after this change committed, so a failed save never loses a recording.
import 'server-only';
import type { Editor } from '@/lib/auth/editor';
import { setRecordingSchema } from '@/lib/validation/recording';
import { setDocumentColumns } from './document-columns';
import { parseInput } from './errors';
import { changeEntry, entryOf, type EditOptions, type EditResult } from './history';
import { documentPaths } from './paths';

export interface RecordingEditResult extends EditResult {
  /** The stored file the document no longer uses (null when none): the caller may remove it now. */
  replacedFile: string | null;
}

/**
 * Sets the recording: `{ id, expectedVersion, url }`, `{ id, expectedVersion, file, type }` or
 * `{ id, expectedVersion, none: true }` (plus an optional message).
 */
export async function setDocumentRecording(editor: Editor, input: unknown, options?: EditOptions): Promise<RecordingEditResult> {
  const data = parseInput(setRecordingSchema, input);
  const columns = data.none
    ? { recordingUrl: null, recordingFile: null, recordingType: null }
    : data.url !== undefined
      ? { recordingUrl: data.url, recordingFile: null, recordingType: null }
      : { recordingUrl: null, recordingFile: data.file!, recordingType: data.type! };
  const { before, after, edit } = changeEntry(
    editor,
    {
      entityType: 'document',
      ...entryOf(data),
      mutate: (_before, db) => setDocumentColumns(db, data.id, columns),
      describe: (_result, _before, after) => {
        const what = data.none ? 'Removed the recording' : data.url !== undefined ? 'Linked the recording' : 'Attached an uploaded recording';
        return { action: 'update', summary: `${what} of “${after.title}”`, message: what };
      },
      paths: documentPaths,
    },
    options,
  );
  const replaced = after && before.recordingFile !== null && before.recordingFile !== after.recordingFile ? before.recordingFile : null;
  return { ...edit, replacedFile: replaced };
}
