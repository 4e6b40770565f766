// The back office's link to the whole archive as one JSON file (app/(admin)/admin/archive.json), for admins.
import { LabelledSection } from '@/components/labelled-section';

export function ArchiveDownload() {
  return (
    <LabelledSection id="archive-download" title="The whole archive" className="mt-10" headingClassName="text-xl font-semibold">
      <p className="mt-2">
        {/* A plain link: a route handler answers it with a file, so client-side navigation must not take it. */}
        <a href="/admin/archive.json" download>
          Download the archive as JSON
        </a>{' '}
        <span className="muted">
          every document, passage, speaker, topic, synonym, revision and audit entry, and the users without their passwords; load it into a new database with{' '}
          <code>npm run archive:import</code>.
        </span>
      </p>
    </LabelledSection>
  );
}
