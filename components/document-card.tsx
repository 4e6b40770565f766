// One document in a list: title, kind, date, publisher and who took part.
import Link from 'next/link';
import type { DocumentSummary } from '@/lib/data/dto';
import { DividedList } from './divided-list';
import { documentPath } from '@/lib/urls';
import { ParticipantNames } from './participant-names';
import { PublicationDate } from './publication-date';

export function DocumentCard({ document, headingLevel = 3 }: { document: DocumentSummary; headingLevel?: 2 | 3 }) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="py-4">
      <p className="text-sm uppercase tracking-wide muted">
        <span>{document.kind}</span> · <PublicationDate date={document.date} />
        {document.publisher && <> · {document.publisher}</>}
      </p>
      <Heading className="mt-1 font-serif text-xl font-semibold">
        <Link href={documentPath(document.slug)}>{document.title}</Link>
      </Heading>
      {document.subtitle && <p className="mt-1 font-serif muted">{document.subtitle}</p>}
      <p className="mt-2 text-sm">
        <ParticipantNames participants={document.participants} /> · {document.passageCount} passages
      </p>
    </article>
  );
}

export function DocumentList({ documents, headingLevel }: { documents: DocumentSummary[]; headingLevel?: 2 | 3 }) {
  return (
    <DividedList items={documents} keyOf={(document) => document.slug}>
      {(document) => <DocumentCard document={document} headingLevel={headingLevel} />}
    </DividedList>
  );
}
