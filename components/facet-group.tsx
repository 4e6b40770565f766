// One filter of a list: its values as links with their counts; the chosen one can be removed.
import { PageLink as Link } from '@/components/page-link'; // plain <a> where a query leads to a page's twin
import type { FacetCount } from '@/lib/data/dto';

interface FacetGroupProps {
  title: string;
  options: FacetCount[];
  active?: string;
  hrefFor: (value: string | undefined) => string;
}

export function FacetGroup({ title, options, active, hrefFor }: FacetGroupProps) {
  const headingId = `facet-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section aria-labelledby={headingId} className="mb-6">
      <h3 id={headingId} className="mb-2 text-sm font-semibold uppercase tracking-wide muted">
        {title}
      </h3>
      {options.length === 0 ? (
        <p className="text-sm muted">None match.</p>
      ) : (
        <ul className="space-y-1 text-sm">
          {options.map((option) => {
            const isActive = option.value === active;
            return (
              <li key={option.value}>
                <Link
                  href={hrefFor(isActive ? undefined : option.value)}
                  aria-current={isActive ? 'true' : undefined}
                  className={isActive ? 'font-semibold' : undefined}
                >
                  {option.label}
                  {isActive && <span className="sr-only"> (selected; follow to remove)</span>}
                </Link>{' '}
                <span className="muted">{option.count}</span>
                {isActive && (
                  <span aria-hidden="true" className="ml-1 muted">
                    ✕
                  </span>
                )}
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
