// The note under a list of passages cut at its first page (a speaker's, a topic's): how many of how
// many are shown, and the documents page that finds the rest.
import { PageLink as Link } from '@/components/page-link'; // plain <a> where a query leads to a page's twin
import { countOf } from '@/components/entry-list';

export function ListedPassagesNote({ listed, total, rest }: { listed: number; total: number; rest: string }) {
  if (listed >= total) return null;
  return (
    <p className="mt-6 muted">
      The first {listed} of {countOf(total, 'passage')} are listed. <Link href={rest}>Find the rest by document</Link>.
    </p>
  );
}
