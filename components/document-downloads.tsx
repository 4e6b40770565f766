// "Download": the document in every export format, as plain links to the API (no client script).
// The same for every reader, so it is safe in the cached page.
import { documentExportPath, EXPORT_FORMAT_INFO, EXPORT_FORMATS, exportFileName } from '@/lib/exports/formats';
import { LabelledSection } from '@/components/labelled-section';

export function DocumentDownloads({ slug }: { slug: string }) {
  return (
    <LabelledSection
      id="document-downloads"
      title="Download"
      className="mt-10 border-t border-stone-200 pt-6 text-sm dark:border-stone-800"
      headingClassName="font-semibold uppercase tracking-wide muted"
    >
      <p className="mt-1 muted">Every passage, credited to its speaker, in order.</p>
      <ul className="mt-2 flex flex-wrap gap-x-4 gap-y-1">
        {EXPORT_FORMATS.map((format) => (
          <li key={format}>
            <a href={documentExportPath(slug, format)} download={exportFileName(slug, format)}>
              {EXPORT_FORMAT_INFO[format].label}
            </a>{' '}
            <span className="muted">(.{EXPORT_FORMAT_INFO[format].extension})</span>
          </li>
        ))}
      </ul>
    </LabelledSection>
  );
}
