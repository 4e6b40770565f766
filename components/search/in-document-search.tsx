// Search within the document being read: a plain GET form, and the list of passages that match.
import Link from 'next/link';
import { documentPath, passageAnchor } from '@/lib/urls';
import { LabelledSection } from '@/components/labelled-section';

export function InDocumentSearch({ documentSlug, q, anchors }: { documentSlug: string; q: string; anchors: number[] | null }) {
  return (
    <LabelledSection
      id="in-document-search"
      title="Search within this document"
      className="mb-8 rounded-md border border-stone-200 p-4 dark:border-stone-800"
      headingClassName="text-sm font-semibold uppercase tracking-wide muted"
    >
      <form role="search" action={documentPath(documentSlug)} className="mt-2 flex flex-wrap gap-2">
        <label htmlFor="document-query" className="sr-only">
          Search within this document
        </label>
        <input
          id="document-query"
          name="q"
          type="search"
          defaultValue={q}
          maxLength={500}
          className="min-w-0 flex-1 rounded-md border border-stone-300 bg-white px-3 py-1.5 dark:border-stone-700 dark:bg-stone-900"
        />
        <button type="submit" className="button-primary button-small">
          Find
        </button>
      </form>
      {q && (
        <div aria-live="polite" className="mt-3 text-sm">
          {anchors === null || anchors.length === 0 ? (
            <p>No passage here matches “{q}”.</p>
          ) : (
            <p>
              {anchors.length} {anchors.length === 1 ? 'passage matches' : 'passages match'} “{q}”:{' '}
              {anchors.map((anchor, i) => (
                <span key={anchor}>
                  {i > 0 && ', '}
                  <a href={`#${passageAnchor(anchor)}`}>¶{anchor}</a>
                </span>
              ))}{' '}
              · <Link href={documentPath(documentSlug)}>Clear</Link>
            </p>
          )}
        </div>
      )}
    </LabelledSection>
  );
}
