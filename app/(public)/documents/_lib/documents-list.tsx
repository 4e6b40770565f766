// The documents list: published documents, filtered by speaker, topic, kind and date, sorted and
// paged. Shared by the cached /documents and its twin for filtered views (./%5Ffiltered).
import { DocumentList } from '@/components/document-card';
import { DocumentFiltersPanel } from '@/components/document-filters-panel';
import { Pagination } from '@/components/pagination';
import { ProblemList } from '@/components/problem-list';
import { listDocuments } from '@/lib/data/documents';
import { describeIssues, parseUrlParams } from '@/lib/validation/common';
import { documentPageFiltersSchema } from '@/lib/validation/document-filters';
import { documentsPath } from '@/lib/urls';

/** The list for the URL's parameters (none: the first page, newest first). */
export async function DocumentsList({ query }: { query: Record<string, string | string[] | undefined> }) {
  const parsed = parseUrlParams(documentPageFiltersSchema, query);
  if (!parsed.success) {
    return (
      <>
        <h1 className="mb-4 font-serif text-3xl font-semibold">Documents</h1>
        <ProblemList problems={describeIssues(parsed.error)} resetHref="/documents" />
      </>
    );
  }
  const filters = parsed.data;
  const list = await listDocuments(filters);
  const hrefWith = (changes: Partial<Record<keyof typeof filters, string | number | undefined>>) =>
    documentsPath({ ...filters, page: undefined, pageSize: filters.pageSize === 20 ? undefined : filters.pageSize, ...changes });

  return (
    <>
      <h1 className="font-serif text-3xl font-semibold">Documents</h1>
      <p className="mt-1 muted" aria-live="polite">
        {list.total} {list.total === 1 ? 'document' : 'documents'}
      </p>
      {/* Results first in reading order, so a phone shows them before the (collapsed) filters; from md
          the filters take the first column again, beside the results. */}
      <div className="mt-6 grid gap-8 md:grid-cols-[16rem_1fr]">
        <section aria-label="Results">
          {list.items.length === 0 ? <p>No published document matches these filters.</p> : <DocumentList documents={list.items} headingLevel={2} />}
          <Pagination page={list.page} pageCount={list.pageCount} hrefFor={(page) => hrefWith({ page })} />
        </section>
        <DocumentFiltersPanel filters={filters} facets={list.facets} hrefWith={hrefWith} className="md:order-first" />
      </div>
    </>
  );
}
