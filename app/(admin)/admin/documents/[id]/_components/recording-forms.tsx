'use client';
// The two ways to give a document its recording: an external address, or a file uploaded and stored
// beside the database. The size limit is checked here before anything is sent (a larger body would be
// cut off by the server without a word) and again by the action; what the file is, by its bytes, there.
import { useActionState, useState, type ChangeEvent, type ReactNode } from 'react';
import { linkRecording, uploadRecording } from '../recording/actions';
import type { ActionState } from '@/lib/admin/action-state';
import { Field, describedBy, TextField } from '@/components/form/field';
import { FormMessage } from '@/components/form/field-error';
import { SubmitButton } from '@/components/form/submit-button';
import { RECORDING_ACCEPT, RECORDING_MAX_BYTES, RECORDING_MAX_LABEL } from '@/lib/media/recording-limits';

interface Props {
  documentId: number;
  version: number;
  url: string | null;
}

/** Either form: the change is to this document at the version shown, and its answer shows above the field. */
function RecordingForm({
  action,
  label,
  state,
  documentId,
  version,
  children,
}: {
  action: (form: FormData) => void;
  label: string;
  state: ActionState;
  documentId: number;
  version: number;
  children: ReactNode;
}) {
  return (
    <form action={action} className="space-y-3" aria-label={label}>
      <input type="hidden" name="id" value={documentId} />
      <input type="hidden" name="expectedVersion" value={version} />
      <FormMessage message={state.message} ok={state.ok} />
      {children}
    </form>
  );
}

export function RecordingForms({ documentId, version, url }: Props) {
  const [linkState, link] = useActionState<ActionState, FormData>(linkRecording, {});
  const [uploadState, upload] = useActionState<ActionState, FormData>(uploadRecording, {});
  const [tooLarge, setTooLarge] = useState<string | null>(null);
  const checkSize = (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.currentTarget.files?.[0];
    const message = file && file.size > RECORDING_MAX_BYTES ? `must be at most ${RECORDING_MAX_LABEL}; link a larger recording by its address` : null;
    event.currentTarget.setCustomValidity(message ?? '');
    setTooLarge(message);
  };
  const fileErrors = tooLarge ? [tooLarge] : uploadState.errors?.file;

  return (
    <div className="grid gap-6 md:grid-cols-2">
      <RecordingForm action={link} label="Link a recording by its address" state={linkState} documentId={documentId} version={version}>
        <TextField
          id="recording-url"
          name="url"
          type="url"
          label="Address of the recording"
          hint="An audio or video file on the web, starting with https:// or http://."
          defaultValue={linkState.values?.url ?? url}
          errors={linkState.errors?.url}
        />
        <SubmitButton pendingLabel="Saving…">Save address</SubmitButton>
      </RecordingForm>
      <RecordingForm action={upload} label="Upload a recording" state={uploadState} documentId={documentId} version={version}>
        <Field
          id="recording-file"
          label="Recording file"
          hint={`Audio or video (MP3, M4A, MP4, WAV, Ogg, FLAC, WebM), at most ${RECORDING_MAX_LABEL}.`}
          errors={fileErrors}
        >
          <input
            id="recording-file"
            name="file"
            type="file"
            accept={RECORDING_ACCEPT}
            required
            onChange={checkSize}
            className="block"
            {...describedBy('recording-file', fileErrors, true)}
          />
        </Field>
        <SubmitButton pendingLabel="Uploading…">Upload recording</SubmitButton>
      </RecordingForm>
    </div>
  );
}
