// A document's history: every saved version, a readable diff between any two, and restore.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Notice } from '@/components/admin/notice';
import { RevisionDiffView } from '@/components/admin/revision-diff';
import { SubmitButton } from '@/components/form/submit-button';
import { requireEditor } from '@/lib/auth/session';
import { compareVersions, ensureBaselineRevision, getDocumentForEditing, listRevisions, type RevisionDiff } from '@/lib/editorial';
import { idParam } from '@/lib/validation/params';
import { restoreDocumentRevision } from './actions';
import { Options, versionOptions } from '@/components/form/options';
import { LabelledSection } from '@/components/labelled-section';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export const metadata: Metadata = { title: 'History' };
const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

export default async function DocumentHistoryPage({ params, searchParams }: Props) {
  await requireEditor();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const documentId = idParam(id);
  const document = documentId === null ? null : getDocumentForEditing(documentId);
  if (!document) notFound();
  // A seeded or imported document's first version is on record before anyone changes it.
  await ensureBaselineRevision('document', document.id);
  const revisions = listRevisions('document', document.id).sort((a, b) => b.version - a.version);
  const from = idParam(query.from);
  const to = query.to ? idParam(query.to) : undefined;
  const diff = from === null ? null : to === null ? { error: `There is no version “${query.to}” to compare with.` } : safeCompare(document.id, from, to);

  return (
    <>
      <p className="text-sm">
        <Link href={`/admin/documents/${document.id}`}>← {document.title}</Link>
      </p>
      <h1 className="mt-2 font-serif text-3xl font-semibold">History</h1>
      <p className="mt-1 muted">Now at version {document.version}. Restoring an old version saves it as a new one: nothing is lost.</p>
      <div className="mt-4">
        <Notice notice={query.notice} error={query.error ?? (diff && 'error' in diff ? diff.error : undefined)} />
      </div>

      <form action="" className="mt-4 flex flex-wrap items-end gap-3" aria-label="Compare two versions">
        <VersionSelect label="From version" name="from" versions={revisions} defaultValue={query.from ?? String(Math.max(1, document.version - 1))} />
        <VersionSelect label="to version" name="to" versions={revisions} defaultValue={query.to ?? String(document.version)} />
        <button className="button-secondary button-small">Compare</button>
      </form>

      {diff && 'diff' in diff && (
        <LabelledSection
          id="diff"
          title={
            <>
              Changes from version {diff.diff.fromVersion} to version {diff.diff.toVersion}
            </>
          }
          className="mt-6 rounded-md border border-stone-200 p-4 dark:border-stone-800"
          headingClassName="mb-3 text-xl font-semibold"
        >
          <RevisionDiffView diff={diff.diff} />
        </LabelledSection>
      )}

      <LabelledSection id="versions" title="Versions" className="mt-8" headingClassName="text-xl font-semibold">
        <ol className="mt-2 divide-y divide-stone-200 dark:divide-stone-800">
          {revisions.map((r) => (
            <li key={r.version} className="flex flex-wrap items-center gap-x-4 gap-y-2 py-3">
              <span className="font-semibold">Version {r.version}</span>
              <span>{r.message ?? 'No note'}</span>
              <span className="muted">
                {r.editorName ?? 'system'} · <time dateTime={r.createdAt}>{when.format(new Date(r.createdAt))}</time>
              </span>
              {r.version > 1 && (
                <Link href={`?from=${r.version - 1}&to=${r.version}`}>
                  What changed<span className="sr-only"> in version {r.version}</span>
                </Link>
              )}
              {r.version !== document.version && (
                <form action={restoreDocumentRevision}>
                  <input type="hidden" name="id" value={document.id} />
                  <input type="hidden" name="revisionVersion" value={r.version} />
                  <input type="hidden" name="expectedVersion" value={document.version} />
                  <SubmitButton variant="secondary" small className="py-0.5 text-sm">
                    Restore version {r.version}
                  </SubmitButton>
                </form>
              )}
            </li>
          ))}
        </ol>
      </LabelledSection>
    </>
  );
}

function safeCompare(id: number, from: number, to?: number): { diff: RevisionDiff } | { error: string } {
  try {
    return { diff: compareVersions('document', id, from, to) };
  } catch (error) {
    return { error: error instanceof Error ? error.message : String(error) };
  }
}

function VersionSelect({ label, name, versions, defaultValue }: { label: string; name: string; versions: { version: number }[]; defaultValue: string }) {
  return (
    <label>
      {label}{' '}
      <select name={name} defaultValue={defaultValue} className="rounded border border-stone-300 bg-white dark:border-stone-700 dark:bg-stone-900">
        <Options options={versionOptions(versions)} />
      </select>
    </label>
  );
}
