// Previous/next page links that keep every other URL parameter. With a known page count, "Page 3 of
// 12"; without one (a search whose total is an estimate), "Page 3", and "Next" only where `hasNext`
// says a next page has something to show, so no page is promised that may turn out empty.
import { PageLink as Link } from '@/components/page-link'; // plain <a> where a query leads to a page's twin

interface PaginationProps {
  page: number;
  /** Undefined when the number of pages is not known. */
  pageCount?: number;
  /** Without a page count: whether a next page exists. */
  hasNext?: boolean;
  hrefFor: (page: number) => string;
}

export function Pagination({ page, pageCount, hasNext = false, hrefFor }: PaginationProps) {
  const next = pageCount === undefined ? hasNext : page < pageCount;
  if (pageCount === undefined ? page <= 1 && !next : pageCount <= 1) return null;
  return (
    <nav aria-label="Pages" className="mt-6 flex items-center gap-4">
      {page > 1 ? (
        <Link href={hrefFor(page - 1)} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span className="muted">← Previous</span>
      )}
      <span aria-current="page">{pageCount === undefined ? `Page ${page.toLocaleString('en')}` : `Page ${page} of ${pageCount}`}</span>
      {next ? (
        <Link href={hrefFor(page + 1)} rel="next">
          Next →
        </Link>
      ) : (
        <span className="muted">Next →</span>
      )}
    </nav>
  );
}
