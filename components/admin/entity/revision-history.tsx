// The history section of a speaker or topic page: its revisions, a restore button for each, and a
// compare form with the diff (the page reads the comparison: lib/admin/revision-comparison.ts).
import { AdminTable } from '@/components/admin/admin-table';
import { SubmitButton } from '@/components/form/submit-button';
import type { Comparison } from '@/lib/admin/revision-comparison';
import type { RevisionSummary } from '@/lib/editorial';
import { RevisionDiffView } from './revision-diff';
import { Options, versionOptions } from '@/components/form/options';
import { LabelledSection } from '@/components/labelled-section';

const timeFormat = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });

interface Props {
  noun: string;
  id: number;
  basePath: string;
  currentVersion: number;
  revisions: RevisionSummary[];
  comparison: Comparison | null;
  restoreAction: (formData: FormData) => Promise<void>;
  labels: Record<string, string>;
}

export function RevisionHistory({ noun, id, basePath, currentVersion, revisions, comparison, restoreAction, labels }: Props) {
  const currentStored = revisions.some((r) => r.version === currentVersion);
  return (
    <LabelledSection id="history-heading" title="History" className="space-y-6" headingClassName="font-serif text-2xl">
      {revisions.length === 0 ? (
        <p className="muted">No revisions yet: this {noun} is as it was imported. Its first saved change starts the history.</p>
      ) : (
        <AdminTable
          caption={`Revisions of this ${noun}, newest first`}
          columns={[
            { label: 'Version' },
            { label: 'Editor' },
            { label: 'Time (UTC)' },
            { label: 'Message' },
            { label: <span className="sr-only">Restore</span> },
          ]}
          rows={revisions.map((revision) => {
            const at = new Date(revision.createdAt);
            return {
              key: revision.version,
              cells: [
                <>
                  {revision.version}
                  {revision.version === currentVersion && <span className="muted"> (current)</span>}
                </>,
                revision.editorName ?? <span className="muted">import or seed</span>,
                <time key="at" dateTime={at.toISOString()}>
                  {timeFormat.format(at)}
                </time>,
                revision.message ?? <span className="muted">—</span>,
                revision.version !== currentVersion && (
                  <form action={restoreAction}>
                    <input type="hidden" name="id" value={id} />
                    <input type="hidden" name="version" value={revision.version} />
                    <input type="hidden" name="expectedVersion" value={currentVersion} />
                    <SubmitButton variant="secondary" small className="text-sm">
                      Restore<span className="sr-only"> version {revision.version}</span>
                    </SubmitButton>
                  </form>
                ),
              ],
            };
          })}
        />
      )}
      {revisions.length > 0 && (
        <p className="text-sm muted">Restoring makes the {noun} equal to that version and records it as a new version; nothing in the history is lost.</p>
      )}
      {revisions.length > 0 && (revisions.length > 1 || !currentStored) && (
        <section aria-labelledby="compare-heading" id="compare" className="space-y-4">
          <h3 id="compare-heading" className="font-serif text-xl">
            Compare versions
          </h3>
          <form method="get" action={`${basePath}#compare`} className="flex flex-wrap items-end gap-4">
            <div>
              <label htmlFor="compare-from" className="block font-medium">
                From version
              </label>
              <select id="compare-from" name="from" defaultValue={comparison?.from} className="input">
                <Options options={versionOptions(revisions)} />
              </select>
            </div>
            <div>
              <label htmlFor="compare-to" className="block font-medium">
                To version
              </label>
              <select id="compare-to" name="to" defaultValue={comparison?.to === 'current' ? 'current' : comparison?.to} className="input">
                {!currentStored && <option value="current">current ({currentVersion})</option>}
                <Options options={versionOptions(revisions, currentVersion)} />
              </select>
            </div>
            <button type="submit" className="button-secondary">
              Compare
            </button>
          </form>
          {comparison && (
            <LabelledSection
              id="comparison-heading"
              title={
                <>
                  Changes from version {comparison.from} to{' '}
                  {comparison.to === 'current' ? `the current version (${currentVersion})` : `version ${comparison.to}`}
                </>
              }
              level={4}
              className="rounded-md border border-stone-200 p-4 dark:border-stone-800"
              headingClassName="mb-3 font-medium"
            >
              {comparison.error ? (
                <p role="alert" className="text-red-800 dark:text-red-300">
                  {comparison.error}
                </p>
              ) : (
                comparison.diff && <RevisionDiffView diff={comparison.diff} labels={labels} />
              )}
            </LabelledSection>
          )}
        </section>
      )}
    </LabelledSection>
  );
}
