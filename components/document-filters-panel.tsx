// The documents list's filters: facets with counts, a date range and the sort order, all in the URL,
// in the filter panel (collapsed below the list on a phone, its summary naming the active ones).
import Link from 'next/link';
import type { DocumentFacets } from '@/lib/data/documents';
import type { DocumentFilters } from '@/lib/validation/document-filters';
import { describeActiveFilters, labelOf } from './active-filters';
import { FacetGroup } from './facet-group';
import { FiltersDisclosure } from './filters-disclosure';

type HrefWith = (changes: Partial<Record<keyof DocumentFilters, string | number | undefined>>) => string;

interface DocumentFiltersPanelProps {
  filters: DocumentFilters;
  facets: DocumentFacets;
  hrefWith: HrefWith;
  className?: string;
}

export function DocumentFiltersPanel({ filters, facets, hrefWith, className }: DocumentFiltersPanelProps) {
  const anyFilter = filters.speaker || filters.topic || filters.kind || filters.from || filters.to;
  const active = describeActiveFilters(filters, { speaker: labelOf(facets.speakers, filters.speaker), topic: labelOf(facets.topics, filters.topic) });
  return (
    <FiltersDisclosure label="Filters" active={active} className={className}>
      {anyFilter && (
        <p className="mb-4">
          <Link href="/documents">Clear all filters</Link>
        </p>
      )}
      <FacetGroup title="Speaker" options={facets.speakers} active={filters.speaker} hrefFor={(speaker) => hrefWith({ speaker })} />
      <FacetGroup title="Topic" options={facets.topics} active={filters.topic} hrefFor={(topic) => hrefWith({ topic })} />
      <FacetGroup title="Kind" options={facets.kinds} active={filters.kind} hrefFor={(kind) => hrefWith({ kind })} />
      <FacetGroup
        title="Year"
        options={facets.years}
        active={filters.from && filters.from === filters.to ? filters.from : undefined}
        hrefFor={(year) => hrefWith({ from: year, to: year })}
      />
      <form action="/documents" className="space-y-3 text-sm">
        {(['speaker', 'topic', 'kind'] as const).map((name) => (filters[name] ? <input key={name} type="hidden" name={name} value={filters[name]} /> : null))}
        <fieldset className="space-y-2">
          <legend className="font-semibold uppercase tracking-wide muted">Date range</legend>
          <label className="block">
            From <span className="muted">(YYYY, YYYY-MM or YYYY-MM-DD)</span>
            <input
              name="from"
              defaultValue={filters.from}
              inputMode="numeric"
              className="mt-1 block w-full rounded border border-stone-300 bg-white px-2 py-1 dark:border-stone-700 dark:bg-stone-900"
            />
          </label>
          <label className="block">
            To
            <input
              name="to"
              defaultValue={filters.to}
              inputMode="numeric"
              className="mt-1 block w-full rounded border border-stone-300 bg-white px-2 py-1 dark:border-stone-700 dark:bg-stone-900"
            />
          </label>
        </fieldset>
        <label className="block">
          Sort by
          <select
            name="sort"
            defaultValue={filters.sort}
            className="mt-1 block w-full rounded border border-stone-300 bg-white px-2 py-1 dark:border-stone-700 dark:bg-stone-900"
          >
            <option value="newest">Newest first</option>
            <option value="oldest">Oldest first</option>
            <option value="title">Title</option>
          </select>
        </label>
        <button type="submit" className="button-primary button-small">
          Apply
        </button>
      </form>
    </FiltersDisclosure>
  );
}
