'use server';
// Server actions for a document's recording: link an address, upload a file, remove it. Each checks
// the session itself. An uploaded file is stored before the change and removed again if the change is
// refused. A file the change replaces or removes stays on disk: the document's earlier revisions name
// it, and restoring one must bring the recording back, not a dead player (the media route serves a
// file only while a document uses it).
import type { ActionState } from '@/lib/admin/action-state';
import { formOf } from '@/lib/admin/action-state';
import { formChange } from '@/lib/admin/form-change';
import { entryPath, plainChange, withNotice } from '@/lib/admin/plain-change';
import { setDocumentRecording, ValidationError } from '@/lib/editorial';
import { RECORDING_MAX_BYTES, RECORDING_MAX_LABEL } from '@/lib/media/recording-limits';
import { RecordingRejected, removeRecording, storeRecording } from '@/lib/media/recording-store';

const documentEditor = (id: unknown) => entryPath('/admin/documents', id);
const HASH = '#recording';

export async function linkRecording(_previous: ActionState, sent: FormData): Promise<ActionState> {
  return formChange(
    sent,
    async ({ editor, options }, values) => {
      return setDocumentRecording(editor, { id: values.id, expectedVersion: values.expectedVersion, url: values.url ?? '' }, options);
    },
    (result, values) => withNotice(documentEditor(values.id), result.changed ? 'The recording’s address is saved.' : 'Nothing had changed.', HASH),
  );
}

/** The uploaded file's bytes, or why there are none to store (the form field's message). */
async function uploadedBytes(sent: unknown): Promise<Uint8Array> {
  const file = formOf(sent).get('file');
  if (!(file instanceof File) || file.size === 0) throw new ValidationError('Choose a file to upload.', { file: ['choose an audio or video file'] });
  if (file.size > RECORDING_MAX_BYTES) {
    throw new ValidationError('The file is too large.', { file: [`must be at most ${RECORDING_MAX_LABEL}; link a larger recording by its address`] });
  }
  return new Uint8Array(await file.arrayBuffer());
}

export async function uploadRecording(_previous: ActionState, sent: FormData): Promise<ActionState> {
  return formChange(
    sent,
    async ({ editor, options }, values) => {
      const bytes = await uploadedBytes(sent);
      const stored = await storeRecording(bytes).catch((error) => {
        if (error instanceof RecordingRejected) throw new ValidationError(error.message, { file: [error.message] });
        throw error;
      });
      let result;
      try {
        result = await setDocumentRecording(editor, { id: values.id, expectedVersion: values.expectedVersion, file: stored.file, type: stored.type }, options);
      } catch (error) {
        // Refused (a stale version, a deleted document): the new file is named nowhere, so it goes.
        await removeRecording(stored.file);
        throw error;
      }
      return result;
    },
    (_result, values) => withNotice(documentEditor(values.id), 'The recording is uploaded and stored.', HASH),
  );
}

export async function removeDocumentRecording(sent: FormData): Promise<void> {
  const form = formOf(sent);
  await plainChange({
    back: documentEditor(form.get('id')),
    hash: HASH,
    change: async ({ editor, options }) => {
      return setDocumentRecording(editor, { id: form.get('id'), expectedVersion: form.get('expectedVersion'), none: true }, options);
    },
    done: (result) => (result.changed ? 'The recording is removed.' : 'There was no recording.'),
  });
}
