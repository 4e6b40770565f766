// The document editor: its details, its status, and its passages in reading order.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AddPassageForm } from './_components/add-passage-form';
import { DocumentFieldsForm } from './_components/document-fields-form';
import { PassageRow } from './_components/passage-row';
import { RecordingSection } from './_components/recording-section';
import { SectionsEditor } from './_components/sections-editor';
import { Notice } from '@/components/admin/notice';
import { requireEditor } from '@/lib/auth/session';
import { speakerChoices } from '@/lib/data/admin';
import { getDocumentForEditing } from '@/lib/editorial';
import { documentPath } from '@/lib/urls';
import { idParam } from '@/lib/validation/params';
import { deleteDocument, publish, restoreDocument, unpublish } from '../actions';
import { LabelledSection } from '@/components/labelled-section';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export const metadata: Metadata = { title: 'Edit document' };

export default async function EditDocumentPage({ params, searchParams }: Props) {
  const editor = await requireEditor();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const documentId = idParam(id);
  const document = documentId === null ? null : getDocumentForEditing(documentId);
  if (!document) notFound();
  const speakers = await speakerChoices();
  const hidden = (
    <>
      <input type="hidden" name="id" value={document.id} />
      <input type="hidden" name="expectedVersion" value={document.version} />
    </>
  );
  const button = 'rounded-md border border-stone-400 px-3 py-1.5 dark:border-stone-600';

  return (
    <>
      <p className="text-sm">
        <Link href="/admin/documents">← Documents</Link>
      </p>
      <h1 className="mt-2 font-serif text-3xl font-semibold">{document.title}</h1>
      <p className="mt-1 muted">
        {document.deletedAt ? 'Deleted' : document.status === 'published' ? 'Published' : 'Draft'} · version {document.version} ·{' '}
        <Link href={`/admin/documents/${document.id}/history`}>History</Link>
        {document.status === 'published' && !document.deletedAt && (
          <>
            {' '}
            · <Link href={documentPath(document.slug)}>View on the site</Link>
          </>
        )}
      </p>
      <div className="mt-4">
        <Notice notice={query.notice} error={query.error} />
      </div>

      <section aria-label="Status" className="mt-2 flex flex-wrap items-center gap-3">
        {document.deletedAt ? (
          editor.role === 'admin' ? (
            <form action={restoreDocument}>
              {hidden}
              <button className={button}>Restore this document</button>
            </form>
          ) : (
            <p>An admin can restore this document.</p>
          )
        ) : (
          <>
            {document.status === 'draft' ? (
              <form action={publish}>
                {hidden}
                <button className={button}>Publish</button>
              </form>
            ) : (
              <form action={unpublish}>
                {hidden}
                <button className={button}>Unpublish</button>
              </form>
            )}
            <form action={deleteDocument} className="flex items-center gap-2">
              {hidden}
              <label>
                <input type="checkbox" name="confirm" value="yes" /> I want to delete this document
              </label>
              <button className={button}>Delete</button>
            </form>
          </>
        )}
      </section>

      <LabelledSection id="details" title="Details" className="mt-8" headingClassName="mb-3 text-xl font-semibold">
        <DocumentFieldsForm document={document} speakers={speakers} />
      </LabelledSection>

      <RecordingSection document={document} />

      <SectionsEditor document={document} />

      <LabelledSection id="passages" title={`Passages (${document.passages.length})`} className="mt-10" headingClassName="text-xl font-semibold">
        <ol className="divide-y divide-stone-200 dark:divide-stone-800">
          {document.passages.map((passage, i) => (
            <PassageRow
              key={passage.anchor}
              documentId={document.id}
              version={document.version}
              passage={passage}
              previous={document.passages[i - 1]}
              next={document.passages[i + 1]}
            />
          ))}
        </ol>
      </LabelledSection>

      <section className="mt-10">
        <AddPassageForm key={document.version} document={document} speakers={speakers} />
      </section>
    </>
  );
}
