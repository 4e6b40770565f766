// The search's facets: counts by speaker, topic, kind and year for the query and the other filters,
// in the filter panel (collapsed below the results on a phone, its summary naming the active ones).
import Link from 'next/link';
import type { ComponentProps } from 'react';
import type { SearchFacets as Facets } from '@/lib/search/types';
import type { SearchParams } from '@/lib/validation/search';
import { describeActiveFilters, labelOf } from '../active-filters';
import { FacetGroup } from '../facet-group';
import { FiltersDisclosure } from '../filters-disclosure';

type HrefWith = (changes: Partial<Record<keyof SearchParams | 'group', string | number | undefined>>) => string;

interface SearchFacetsProps {
  facets: Facets;
  /** The counts are estimates: said once, above them. */
  approximate?: boolean;
  params: SearchParams;
  hrefWith: HrefWith;
  /** The title of the document searched within, when the search is narrowed to one. */
  documentTitle?: string;
  className?: string;
}

export function SearchFacets({ facets, approximate, params, hrefWith, documentTitle, className }: SearchFacetsProps) {
  const year = params.from && params.from === params.to && /^\d{4}$/.test(params.from) ? params.from : undefined;
  const anyFilter = params.speaker || params.topic || params.kind || params.document || params.from || params.to;
  const speakers = facets.speakers.map((s) => ({ value: s.slug, label: s.name, count: s.count }));
  const topics = facets.topics.map((t) => ({ value: t.slug, label: t.name, count: t.count }));
  // Each facet: its values with counts, the one chosen, and the address that chooses another.
  const groups: ComponentProps<typeof FacetGroup>[] = [
    {
      title: 'Speaker',
      options: speakers,
      active: params.speaker,
      hrefFor: (speaker) => hrefWith({ speaker }),
    },
    {
      title: 'Topic',
      options: topics,
      active: params.topic,
      hrefFor: (topic) => hrefWith({ topic }),
    },
    {
      title: 'Kind',
      options: facets.kinds.map((k) => ({ value: k.kind, label: k.kind, count: k.count })),
      active: params.kind,
      hrefFor: (kind) => hrefWith({ kind }),
    },
    {
      title: 'Year',
      options: facets.years.map((y) => ({ value: String(y.year), label: String(y.year), count: y.count })),
      active: year,
      hrefFor: (value) => hrefWith({ from: value, to: value }),
    },
  ];
  const active = describeActiveFilters(params, {
    speaker: labelOf(speakers, params.speaker),
    topic: labelOf(topics, params.topic),
    document: documentTitle,
  });
  return (
    <FiltersDisclosure label="Narrow the results" active={active} className={className}>
      {anyFilter && (
        <p className="mb-4">
          <Link href={hrefWith({ speaker: undefined, topic: undefined, kind: undefined, document: undefined, from: undefined, to: undefined })}>
            Clear all filters
          </Link>
        </p>
      )}
      {approximate && <p className="mb-4 text-sm muted">Too many passages match to count each one: the counts below are estimates.</p>}
      {groups.map((group) => (
        <FacetGroup key={group.title} {...group} />
      ))}
    </FiltersDisclosure>
  );
}
