// A document's history: every saved version, a readable diff between any two, and restore.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { Notice } from '@/components/admin/notice';
import { RevisionDiffView } from '@/components/admin/revision-diff';
import { requireEditor } from '@/lib/auth/session';
import { compareVersions, ensureBaselineRevision, getDocumentForEditing, listRevisions, type RevisionDiff } from '@/lib/editorial';
import { restoreDocumentRevision } from './actions';

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> };

export const metadata: Metadata = { title: 'History' };
const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium', timeZone: 'UTC' });

export default async function DocumentHistoryPage({ params, searchParams }: Props) {
  await requireEditor();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const document = /^\d+$/.test(id) ? getDocumentForEditing(Number(id)) : null;
  if (!document) notFound();
  // A seeded or imported document's first version is on record before anyone changes it.
  await ensureBaselineRevision('document', document.id);
  const revisions = listRevisions('document', document.id).sort((a, b) => b.version - a.version);
  const from = Number(query.from);
  const to = query.to ? Number(query.to) : undefined;
  const diff = Number.isInteger(from) && from > 0 ? safeCompare(document.id, from, to) : null;

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
        <label>
          From version{' '}
          <select name="from" defaultValue={query.from ?? String(Math.max(1, document.version - 1))} className="rounded border border-stone-300 bg-white dark:border-stone-700 dark:bg-stone-900">
            {revisions.map((r) => (
              <option key={r.version} value={r.version}>
                {r.version}
              </option>
            ))}
          </select>
        </label>
        <label>
          to version{' '}
          <select name="to" defaultValue={query.to ?? String(document.version)} className="rounded border border-stone-300 bg-white dark:border-stone-700 dark:bg-stone-900">
            {revisions.map((r) => (
              <option key={r.version} value={r.version}>
                {r.version}
              </option>
            ))}
          </select>
        </label>
        <button className="rounded-md border border-stone-400 px-3 py-1.5 dark:border-stone-600">Compare</button>
      </form>

      {diff && 'diff' in diff && (
        <section aria-labelledby="diff" className="mt-6 rounded-md border border-stone-200 p-4 dark:border-stone-800">
          <h2 id="diff" className="mb-3 text-xl font-semibold">
            Changes from version {diff.diff.fromVersion} to version {diff.diff.toVersion}
          </h2>
          <RevisionDiffView diff={diff.diff} />
        </section>
      )}

      <section aria-labelledby="versions" className="mt-8">
        <h2 id="versions" className="text-xl font-semibold">
          Versions
        </h2>
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
                  <button className="rounded border border-stone-300 px-2 py-0.5 text-sm dark:border-stone-700">
                    Restore version {r.version}
                  </button>
                </form>
              )}
            </li>
          ))}
        </ol>
      </section>
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
