// Import a transcript or essay: the same importer as `npm run import`, with a preview to correct.
import type { Metadata } from 'next';
import { ImportForm } from './_components/import-form';
import { requireEditor } from '@/lib/auth/session';
import { speakerChoices } from '@/lib/data/admin';
import { TRANSCRIPT_ACCEPT, TRANSCRIPT_FORMAT_NAMES } from '@/lib/import/formats';

export const metadata: Metadata = { title: 'Import' };

export default async function ImportPage() {
  await requireEditor();
  const speakers = await speakerChoices();
  return (
    <>
      <h1 className="font-serif text-3xl font-semibold">Import a transcript or essay</h1>
      <p className="mt-2 max-w-3xl">
        Paste the text or upload a transcript (plain text, WebVTT or SRT captions). The preview shows the passages it would make, the speakers it found, and
        everything it left out or could not place. Nothing is saved until you save the draft.
      </p>
      <div className="mt-6">
        <ImportForm speakers={speakers} accept={TRANSCRIPT_ACCEPT} formats={TRANSCRIPT_FORMAT_NAMES} />
      </div>
    </>
  );
}
