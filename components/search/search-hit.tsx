// One search hit: for an answer, the question it answers; the passage's snippet with its matches
// marked; who said it, where and when.
import { PageLink as Link } from '@/components/page-link'; // plain <a> where a query leads to a page's twin
import { labelForIsoDate } from '@/lib/dates';
import { MarkedText } from '../marked-text';
import { QuestionLine } from './question-line';
import type { SearchHit as Hit } from '@/lib/search/types';
import { passageWithHighlight, speakerPath } from '@/lib/urls';

export function SearchHit({ hit, query, showDocument = true }: { hit: Hit; query: string; showDocument?: boolean }) {
  return (
    <article className="py-4" aria-label={`${hit.kind} ${hit.anchor} in ${hit.documentTitle}`}>
      {hit.question && <QuestionLine documentSlug={hit.documentSlug} question={hit.question} className="mb-1" />}
      <p className="prose-reading">
        <MarkedText text={hit.marked} />
      </p>
      <p className="mt-2 text-sm">
        <Link href={passageWithHighlight(hit.documentSlug, hit.anchor, query)}>
          {showDocument ? <cite>{hit.documentTitle}</cite> : 'Passage'}, passage {hit.anchor}
        </Link>{' '}
        · {hit.speaker ? <Link href={speakerPath(hit.speaker.slug)}>{hit.speaker.name}</Link> : 'Unattributed'}{' '}
        <span className="muted">
          ({hit.kind}) · <time dateTime={hit.date}>{labelForIsoDate(hit.date)}</time>
        </span>
      </p>
    </article>
  );
}
