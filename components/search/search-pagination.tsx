// Search pages. With an exact total, "Page 3 of 12". With an estimated one the last page is not known,
// so no page is promised that may turn out empty: "Page 3", and "Next" only while this page is full
// (a full last page leads to one that says no more passages match, never to an error).
import Link from 'next/link';
import { Pagination } from '@/components/pagination';

interface SearchPaginationProps {
  page: number;
  pageSize: number;
  total: number;
  approximate?: boolean;
  /** Hits on this page. */
  shown: number;
  hrefFor: (page: number) => string;
}

export function SearchPagination({ page, pageSize, total, approximate, shown, hrefFor }: SearchPaginationProps) {
  if (!approximate) return <Pagination page={page} pageCount={Math.ceil(total / pageSize)} hrefFor={hrefFor} />;
  const more = shown === pageSize;
  if (page === 1 && !more) return null;
  return (
    <nav aria-label="Pages" className="mt-6 flex items-center gap-4">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span className="muted">← Previous</span>
      )}
      <span aria-current="page">Page {page.toLocaleString('en')}</span>
      {more ? (
        <Link href={hrefFor(page + 1)} rel="next">
          Next →
        </Link>
      ) : (
        <span className="muted">Next →</span>
      )}
    </nav>
  );
}
