// The hits of one results page, in rank order or grouped under their documents.
import Link from 'next/link';
import type { SearchHit as Hit } from '@/lib/search/types';
import { documentPath } from '@/lib/urls';
import { DividedList } from '@/components/divided-list';
import { SearchHit } from './search-hit';

export function SearchResults({ hits, query, grouped }: { hits: Hit[]; query: string; grouped: boolean }) {
  if (hits.length === 0) return null;
  if (!grouped) {
    return <HitList hits={hits} query={query} showDocument />;
  }
  const documents = new Map<string, Hit[]>();
  for (const hit of hits) documents.set(hit.documentSlug, [...(documents.get(hit.documentSlug) ?? []), hit]);
  return (
    <div className="space-y-8">
      {[...documents.values()].map((documentHits) => (
        <section key={documentHits[0].documentSlug} aria-labelledby={`group-${documentHits[0].documentSlug}`}>
          <h2 id={`group-${documentHits[0].documentSlug}`} className="font-serif text-xl font-semibold">
            <Link href={documentPath(documentHits[0].documentSlug)}>{documentHits[0].documentTitle}</Link>{' '}
            <span className="text-base font-normal muted">
              {documentHits.length} {documentHits.length === 1 ? 'passage' : 'passages'}
            </span>
          </h2>
          <HitList hits={documentHits} query={query} showDocument={false} />
        </section>
      ))}
    </div>
  );
}

/** Hits in rank order; under a document's heading, without the document's name on each. */
function HitList({ hits, query, showDocument }: { hits: Hit[]; query: string; showDocument: boolean }) {
  return (
    <DividedList items={hits} keyOf={(hit) => hit.passageId} ordered>
      {(hit) => <SearchHit hit={hit} query={query} showDocument={showDocument} />}
    </DividedList>
  );
}
