// "Cite this passage" on a passage's own page: every format, open, with the passage's own address.
import { pageCitations } from '@/lib/citations/citations';
import type { DocumentDetail, PassageView } from '@/lib/data/dto';
import { CitationList } from './citation-list';
import { LabelledSection } from '@/components/labelled-section';

export function CitePassage({ document, passage }: { document: DocumentDetail; passage: PassageView }) {
  return (
    <LabelledSection id="cite" title="Cite this passage" className="cite-passage mt-8" headingClassName="text-xl font-semibold">
      <p className="mt-1 text-sm muted">The access date is today’s, as your browser counts it.</p>
      <CitationList citations={pageCitations({ document, passage })} idPrefix="cite-passage" />
    </LabelledSection>
  );
}
