// /documents/<slug>: the reader. An interview reads as a dialogue, an essay as paragraphs.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { ParticipantNames } from '@/components/participant-names';
import { PublicationDate } from '@/components/publication-date';
import { ReaderPassage } from '@/components/reader-passage';
import { InDocumentSearch } from '@/components/search/in-document-search';
import { getPublishedDocument } from '@/lib/data/documents';
import { documentMatches } from '@/lib/data/search';
import { repeatedParams, searchParamsRecord } from '@/lib/validation/common';
import { MAX_QUERY_LENGTH } from '@/lib/validation/search';
import { citationMetadata } from '@/lib/citation-metadata';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The reader's own search: a query of reasonable length, or nothing (a bad one is ignored, not an
 * error). Given twice, which was meant cannot be known, so neither is searched.
 */
function inDocumentQuery(query: Record<string, string | string[] | undefined>): string {
  if (repeatedParams(query).includes('q')) return '';
  const q = searchParamsRecord(query).q?.trim() ?? '';
  return q.length <= MAX_QUERY_LENGTH ? q : '';
}

// generateMetadata and the page ask for the same document; one query serves both.
const loadDocument = cache(getPublishedDocument);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const document = await loadDocument((await params).slug);
  if (!document) return { title: 'Not found' };
  return {
    title: document.title,
    description: document.summary ?? document.subtitle ?? undefined,
    other: citationMetadata(document),
  };
}

export default async function DocumentPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const document = await loadDocument(slug);
  if (!document) notFound();
  const dialogue = document.kind === 'interview';
  const q = inDocumentQuery(query);
  const matches = q ? await documentMatches(document.slug, q) : null;

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
      </header>

      <InDocumentSearch documentSlug={document.slug} q={q} anchors={matches?.anchors ?? null} />

      <section aria-label={dialogue ? 'Dialogue' : 'Text'} className="space-y-4">
        <h2 className="sr-only">{dialogue ? 'Questions and answers' : 'Text'}</h2>
        {document.passages.map((passage) => (
          <ReaderPassage key={passage.id} passage={passage} dialogue={dialogue} marked={matches?.marked.get(passage.id)} documentSlug={document.slug} />
        ))}
      </section>
    </article>
  );
}
