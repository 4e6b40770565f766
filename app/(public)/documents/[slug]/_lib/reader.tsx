// The reader of one document, shared by the cached page (/documents/<slug>) and its twin rendered
// per request for a search within the document (/documents/<slug>?q=…, rewritten by proxy.ts).
import type { Metadata } from 'next';
import { cache } from 'react';
import { CiteDocument } from '@/components/cite/cite-document';
import { PrintColophon } from '@/components/cite/print-colophon';
import { DocumentDownloads } from '@/components/document-downloads';
import { ParticipantNames } from '@/components/participant-names';
import { PublicationDate } from '@/components/publication-date';
import { ReaderPassage } from '@/components/reader-passage';
import { ReaderRecording } from '@/components/player/reader-recording';
import { TableOfContents } from '@/components/player/table-of-contents';
import { InDocumentSearch } from '@/components/search/in-document-search';
import { getPublishedDocument } from '@/lib/data/documents';
import type { documentMatches } from '@/lib/data/search';
import type { DocumentDetail } from '@/lib/data/dto';
import { documentMetadata } from '@/lib/metadata/document';

export type ReaderParams = { params: Promise<{ slug: string }> };

// generateMetadata and the page ask for the same document; one query serves both.
export const loadDocument = cache(getPublishedDocument);

export async function readerMetadata({ params }: ReaderParams): Promise<Metadata> {
  const document = await loadDocument((await params).slug);
  if (!document) return { title: 'Not found' };
  return documentMetadata(document);
}

type Matches = Awaited<ReturnType<typeof documentMatches>>;

/** The document as a dialogue (an interview) or as paragraphs; `q` and `matches`: a search within it. */
export function Reader({ document, q = '', matches = null }: { document: DocumentDetail; q?: string; matches?: Matches | null }) {
  const dialogue = document.kind === 'interview';
  return (
    <article aria-labelledby="document-title" className="mx-auto max-w-3xl">
      <header className="mb-8 border-b border-stone-200 pb-6 dark:border-stone-800">
        <p className="text-sm uppercase tracking-wide muted">{document.kind}</p>
        <h1 id="document-title" className="mt-1 font-serif text-3xl font-semibold leading-tight">
          {document.title}
        </h1>
        {document.subtitle && <p className="mt-2 font-serif text-xl muted">{document.subtitle}</p>}
        {document.summary && <p className="mt-3 font-serif text-lg">{document.summary}</p>}
        <dl className="mt-4 grid grid-cols-[max-content_1fr] gap-x-4 gap-y-1 text-sm">
          <dt className="muted">Published</dt>
          <dd>
            <PublicationDate date={document.date} />
            {document.publisher && <>, {document.publisher}</>}
          </dd>
          <dt className="muted">{document.participants.length === 1 ? 'Participant' : 'Participants'}</dt>
          <dd>
            <ParticipantNames participants={document.participants} />
          </dd>
          {document.sourceUrl && (
            <>
              <dt className="muted">Source</dt>
              <dd className="break-all">
                <a href={document.sourceUrl} rel="external noopener">
                  {document.sourceUrl}
                </a>
              </dd>
            </>
          )}
        </dl>
        {document.caption && (
          <p className="mt-4 text-sm italic muted">
            <span className="not-italic font-semibold">Photo in the original: </span>
            {document.caption}
          </p>
        )}
        <CiteDocument document={document} />
      </header>

      <InDocumentSearch documentSlug={document.slug} q={q} anchors={matches?.anchors ?? null} />
      <TableOfContents sections={document.sections} passages={document.passages} />
      <ReaderRecording document={document} />

      <section aria-label={dialogue ? 'Dialogue' : 'Text'} className="space-y-4">
        <h2 className="sr-only">{dialogue ? 'Questions and answers' : 'Text'}</h2>
        {document.passages.map((passage) => (
          <ReaderPassage
            key={passage.id}
            passage={passage}
            dialogue={dialogue}
            marked={matches?.marked.get(passage.id)}
            documentSlug={document.slug}
            playable={document.recording !== null}
          />
        ))}
      </section>
      <PrintColophon document={document} />
      <DocumentDownloads slug={document.slug} />
    </article>
  );
}
