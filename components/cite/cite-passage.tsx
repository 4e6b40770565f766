// "Cite this passage" on a passage's own page: every format, open, with the passage's own address.
import { pageCitations } from '@/lib/citations/citations';
import type { DocumentDetail, PassageView } from '@/lib/data/dto';
import { CitationList } from './citation-list';

export function CitePassage({ document, passage }: { document: DocumentDetail; passage: PassageView }) {
  return (
    <section aria-labelledby="cite" className="cite-passage mt-8">
      <h2 id="cite" className="text-xl font-semibold">
        Cite this passage
      </h2>
      <p className="mt-1 text-sm muted">The access date is today’s, as your browser counts it.</p>
      <CitationList citations={pageCitations({ document, passage })} idPrefix="cite-passage" />
    </section>
  );
}
