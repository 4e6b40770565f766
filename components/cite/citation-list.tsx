// Every format of one citation, each with its copy button. Server-rendered from lib/citations (where
// citation-js runs); only the access date and the copy buttons run in the browser.
import type { PageCitation } from '@/lib/citations/citations';
import { isProseFormat } from '@/lib/citations/formats';
import { AccessDate } from './access-date';
import { CopyButton } from './copy-button';

export function CitationText({ citation, id }: { citation: PageCitation; id?: string }) {
  const content = (
    <>
      {citation.before}
      <AccessDate format={citation.format} />
      {citation.after}
    </>
  );
  return isProseFormat(citation.format) ? (
    <p id={id} className="font-serif break-words">
      {content}
    </p>
  ) : (
    <pre id={id} className="whitespace-pre-wrap break-all font-mono text-sm">
      {content}
    </pre>
  );
}

export function CitationList({ citations, idPrefix }: { citations: PageCitation[]; idPrefix: string }) {
  return (
    <ul className="mt-3 space-y-4">
      {citations.map((citation) => {
        const id = `${idPrefix}-${citation.format}`;
        return (
          <li key={citation.format}>
            <div className="flex flex-wrap items-baseline justify-between gap-2">
              <h3 id={`${id}-label`} className="text-sm font-semibold">
                {citation.label}
              </h3>
              <CopyButton targetId={id} label={citation.label} />
            </div>
            <div className="mt-1 rounded-md bg-stone-100 p-3 dark:bg-stone-900">
              <CitationText citation={citation} id={id} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}
