// "Cite this document" on the reader: a disclosure, closed until asked for, so the transcript comes first.
import type { DocumentDetail } from '@/lib/data/dto';
import { CitationList } from './citation-list';
import { documentCitations } from './document-citations';

export function CiteDocument({ document }: { document: DocumentDetail }) {
  return (
    <details className="cite-disclosure mt-4 text-sm">
      <summary className="cursor-pointer font-semibold">Cite this document</summary>
      <p className="mt-2 muted">To cite one passage, follow its “Cite or find more like this” link. The access date is today’s, as your browser counts it.</p>
      <CitationList citations={documentCitations(document)} idPrefix="cite-document" />
    </details>
  );
}
