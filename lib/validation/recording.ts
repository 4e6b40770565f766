// The input of setDocumentRecording (lib/editorial/recording.ts): a document's recording is an
// external http(s) address, a file the store wrote under RECORDINGS_DIR with its type, or none.
import { z } from 'zod';
import { idSchema, messageSchema, recordingFileSchema, recordingTypeSchema, versionSchema } from './editorial-fields';
import { webAddressSchema } from './web-address';

const entry = { id: idSchema, expectedVersion: versionSchema, message: messageSchema };

export const setRecordingSchema = z
  .object({
    ...entry,
    url: webAddressSchema.optional(),
    file: recordingFileSchema.optional(),
    type: recordingTypeSchema.optional(),
    none: z.literal(true, { error: 'must be true to remove the recording' }).optional(),
  })
  .superRefine((input, context) => {
    const given = [input.url !== undefined, input.file != null || input.type != null, input.none === true].filter(Boolean).length;
    if (given !== 1) {
      context.addIssue({ code: 'custom', path: ['url'], message: 'give an address, a stored file with its type, or none' });
    } else if ((input.file == null) !== (input.type == null)) {
      context.addIssue({ code: 'custom', path: [input.file == null ? 'file' : 'type'], message: 'a stored file needs its name and its type' });
    }
  });

export type SetRecordingInput = z.input<typeof setRecordingSchema>;
