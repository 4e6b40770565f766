// The back office's start: what needs attention, and what changed lately.
import Link from 'next/link';
import { ArchiveDownload } from '@/components/admin/archive-download';
import { Notice } from '@/components/admin/notice';
import { requireEditor } from '@/lib/auth/session';
import { backOfficeCounts, recentRevisions } from '@/lib/data/admin';
import { LabelledSection } from '@/components/labelled-section';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' });
const entityPath = (type: string, id: number) => (type === 'document' ? `/admin/documents/${id}` : `/admin/${type}s/${id}`);

export default async function AdminHome({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const editor = await requireEditor();
  const [counts, revisions, params] = await Promise.all([backOfficeCounts(), recentRevisions(), searchParams]);
  return (
    <>
      <h1 className="font-serif text-3xl font-semibold">Welcome, {editor.name}</h1>
      <div className="mt-4">
        <Notice error={params.denied ? 'That page is for admins only.' : undefined} />
      </div>
      <ul className="mt-4 flex flex-wrap gap-6">
        <li>
          <Link href="/admin/documents">{counts.published} published</Link>
        </li>
        <li>
          <Link href="/admin/documents">{counts.drafts} drafts</Link>
        </li>
        <li>
          <Link href="/admin/documents?deleted=1">{counts.deleted} deleted</Link>
        </li>
        <li>
          <Link href="/admin/import">Import a transcript</Link>
        </li>
      </ul>
      <LabelledSection id="recent" title="Recent changes" className="mt-10" headingClassName="text-xl font-semibold">
        {revisions.length === 0 ? (
          <p className="mt-2">No change has been saved yet.</p>
        ) : (
          <ul className="mt-2 space-y-1">
            {revisions.map((r) => (
              <li key={r.id}>
                <Link href={entityPath(r.entityType, r.entityId)}>
                  {r.entityType} {r.entityId}, version {r.version}
                </Link>{' '}
                <span className="muted">
                  {r.message ?? ''} · {r.editorName ?? 'system'} · {when.format(r.createdAt)}
                </span>
              </li>
            ))}
          </ul>
        )}
      </LabelledSection>
      {editor.role === 'admin' && <ArchiveDownload />}
    </>
  );
}
