// A list's filters as a landmark that sits beside the results on wide screens and, on narrow ones,
// collapses below them into a native <details> whose summary names the active filters. No client
// JavaScript: the browser opens and closes it, with the keyboard too, and says whether it is expanded.
import type { ReactNode } from 'react';

// From the md breakpoint the panel is always shown and its summary hidden. Only where the browser
// can style ::details-content (Chromium 131+, Firefox 143+, Safari 18.4+): elsewhere the summary stays,
// so the filters are never out of reach, only one click away.
const WIDE_SHOWN =
  'supports-[selector(::details-content)]:md:details-content:block supports-[selector(::details-content)]:md:details-content:[content-visibility:visible]';
const WIDE_HIDDEN = 'supports-[selector(::details-content)]:md:hidden';

export function FiltersDisclosure({ label, active, className, children }: { label: string; active: string[]; className?: string; children: ReactNode }) {
  return (
    <aside aria-label={label} className={className}>
      <h2 className="sr-only">{label}</h2>
      <details className={WIDE_SHOWN}>
        <summary className={`cursor-pointer rounded-md border border-stone-300 px-3 py-2 dark:border-stone-700 ${WIDE_HIDDEN}`}>
          <span className="font-semibold">Filters</span>
          {active.length > 0 && <span>: {active.join(', ')}</span>}
        </summary>
        <div className="pt-4 supports-[selector(::details-content)]:md:pt-0">{children}</div>
      </details>
    </aside>
  );
}
