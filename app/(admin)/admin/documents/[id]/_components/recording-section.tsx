// The document editor's "Recording" section: what the document has now, the forms to link or upload
// one, and the button that removes it.
import { RecordingForms } from './recording-forms';
import { removeDocumentRecording } from '../recording/actions';
import { SubmitButton } from '@/components/form/submit-button';
import type { DocumentSnapshot } from '@/lib/editorial';
import { recordingAddress } from '@/lib/media/recordings-dir';

export function RecordingSection({ document }: { document: DocumentSnapshot }) {
  const stored = document.recordingFile;
  return (
    <section id="recording" aria-labelledby="recording-heading" className="mt-10 space-y-4">
      <h2 id="recording-heading" className="text-xl font-semibold">
        Recording
      </h2>
      {document.recordingUrl ? (
        <p>
          Linked: <a href={document.recordingUrl}>{document.recordingUrl}</a>
        </p>
      ) : stored ? (
        <p>
          Stored file: <a href={recordingAddress(stored)}>{stored}</a> ({document.recordingType})
        </p>
      ) : (
        <p className="muted">No recording yet. Link one by its address, or upload a file.</p>
      )}
      {(document.recordingUrl || stored) && (
        <form action={removeDocumentRecording}>
          <input type="hidden" name="id" value={document.id} />
          <input type="hidden" name="expectedVersion" value={document.version} />
          <SubmitButton variant="danger" small pendingLabel="Removing…">
            Remove recording
          </SubmitButton>
        </form>
      )}
      <RecordingForms key={document.version} documentId={document.id} version={document.version} url={document.recordingUrl} />
    </section>
  );
}
