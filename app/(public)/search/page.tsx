// /search: every passage of every published document, ranked, with facets; state in the URL.
import type { Metadata } from 'next';
import { pageMetadata } from '@/lib/metadata/page';
import Link from 'next/link';
import { ProblemList } from '@/components/problem-list';
import { EntityMatches } from '@/components/search/entity-matches';
import { MatchCount } from '@/components/search/match-count';
import { Pagination } from '@/components/pagination';
import { SearchBox } from '@/components/search/search-box';
import { SearchFacets } from '@/components/search/search-facets';
import { SearchResults } from '@/components/search/search-results';
import { search } from '@/lib/data/search';
import { describeIssues, parseUrlParams, searchParamsRecord } from '@/lib/validation/common';
import { searchPageParamsSchema } from '@/lib/validation/search';
import { searchPath } from '@/lib/urls';

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export async function generateMetadata({ searchParams }: Props): Promise<Metadata> {
  const q = searchParamsRecord(await searchParams).q;
  return pageMetadata({ title: q ? `Search: ${q.slice(0, 80)}` : 'Search', noindex: true });
}

export default async function SearchPage({ searchParams }: Props) {
  const query = await searchParams;
  const record = searchParamsRecord(query);
  const parsed = parseUrlParams(searchPageParamsSchema, query);
  const heading = <h1 className="mb-4 font-serif text-3xl font-semibold">Search</h1>;
  if (!parsed.success) {
    return (
      <>
        {heading}
        <SearchBox defaultValue={record.q ?? ''} label="Search every passage" />
        <div className="mt-6">
          <ProblemList
            problems={describeIssues(parsed.error)}
            resetHref={searchPath({ q: record.q })}
            title="Some search settings could not be used"
            resetLabel="Search without them"
          />
        </div>
      </>
    );
  }
  const params = parsed.data;
  const grouped = record.group === 'document';
  const result = await search(params);
  const hrefWith = (changes: Record<string, string | number | undefined>) =>
    searchPath({ ...params, group: grouped ? 'document' : undefined, page: undefined, ...changes });

  return (
    <>
      {heading}
      <SearchBox defaultValue={params.q} label="Search every passage" hidden={grouped ? { group: 'document' } : {}} />
      <p className="mt-2 text-sm muted">
        Passages with all your words first; when none has them all, those with the most, and those close in meaning. Use &quot;quotes&quot; for a phrase, * for
        a prefix (smugg*), OR for either, and -word to leave a word out: then only the words count.
      </p>
      {/* Results first in reading order, so a phone shows them before the (collapsed) filters; from md
          the filters take the first column again, beside the results. */}
      <div className="mt-6 grid gap-8 md:grid-cols-[16rem_1fr]">
        <section aria-label="Results">
          <div aria-live="polite" className="mb-2">
            {result.message ? <p>{result.message}</p> : <MatchCount total={result.total} approximate={result.approximate} />}
          </div>
          {result.didYouMean && (
            <p role="status" className="mb-4 rounded-md bg-amber-50 p-3 dark:bg-amber-950">
              Nothing matches “{params.q}”. Did you mean <Link href={hrefWith({ q: result.didYouMean })}>{result.didYouMean}</Link>? Showing its results.
            </p>
          )}
          {result.matchedBy === 'some' && (
            <p role="status" className="mb-4 rounded-md bg-amber-50 p-3 dark:bg-amber-950">
              No passage has every word of “{result.didYouMean ?? params.q}”: showing passages that match some of your words, and passages close in meaning.
            </p>
          )}
          {result.matchedBy === 'meaning' && (
            <p role="status" className="mb-4 rounded-md bg-amber-50 p-3 dark:bg-amber-950">
              No passage uses the words “{params.q}”: showing passages close in meaning.
            </p>
          )}
          {result.entities && <EntityMatches entities={result.entities} />}
          {result.total > 0 && (
            <p className="mb-2 text-sm">
              {grouped ? (
                <Link href={hrefWith({ group: undefined })}>Show in rank order</Link>
              ) : (
                <Link href={hrefWith({ group: 'document' })}>Group by document</Link>
              )}
            </p>
          )}
          <SearchResults hits={result.hits} query={result.didYouMean ?? params.q} grouped={grouped} />
          {result.total > 0 && result.hits.length === 0 && (
            <p>
              No more passages: this page is past the last one. <Link href={hrefWith({})}>Back to the first page</Link>
            </p>
          )}
          {/* With an estimated total the last page is unknown: "Next" only while this page is full. */}
          <Pagination
            page={result.page}
            pageCount={result.approximate ? undefined : Math.ceil(result.total / result.pageSize)}
            hasNext={result.hits.length === result.pageSize}
            hrefFor={(page) => hrefWith({ page })}
          />
        </section>
        <SearchFacets
          facets={result.facets}
          approximate={result.approximate}
          params={params}
          hrefWith={hrefWith}
          documentTitle={result.hits.find((hit) => hit.documentSlug === params.document)?.documentTitle}
          className="md:order-first"
        />
      </div>
    </>
  );
}
