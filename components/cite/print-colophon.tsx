// The end of a printed transcript: where the text comes from and how to cite it. Shown only in print
// (./print.css); on screen the header says the same and "Cite this document" gives every format.
import type { DocumentDetail } from '@/lib/data/dto';
import { absoluteUrl } from '@/lib/site-origin';
import { documentPath } from '@/lib/urls';
import { CitationText } from './citation-list';
import { documentCitations } from './document-citations';
import './print.css';

/** The format a printed transcript is cited in: the one whose style gives the access date of its own. */
const PRINTED_FORMAT = 'chicago';

export function PrintColophon({ document }: { document: DocumentDetail }) {
  const citation = documentCitations(document).find((c) => c.format === PRINTED_FORMAT)!;
  return (
    <section className="print-only print-colophon" aria-labelledby="print-source">
      <h2 id="print-source">Source</h2>
      <p>
        {document.publisher ? `${document.publisher}, ` : ''}
        {document.date.label}
        {document.sourceUrl && <>: {document.sourceUrl}</>}
      </p>
      <p>This transcript: {absoluteUrl(documentPath(document.slug))}</p>
      <h2>Cite as ({citation.label})</h2>
      <CitationText citation={citation} />
    </section>
  );
}
