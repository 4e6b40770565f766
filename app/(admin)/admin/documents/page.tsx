// Every document for editors: drafts, published, and (on request) deleted ones.
import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminTable } from '@/components/admin/admin-table';
import { requireEditor } from '@/lib/auth/session';
import { listDocumentsForEditors } from '@/lib/data/admin';

export const metadata: Metadata = { title: 'Documents' };

export default async function AdminDocumentsPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  await requireEditor();
  const deleted = (await searchParams).deleted === '1';
  const documents = await listDocumentsForEditors({ deleted });
  return (
    <>
      <h1 className="font-serif text-3xl font-semibold">{deleted ? 'Deleted documents' : 'Documents'}</h1>
      <p className="mt-2">
        {deleted ? <Link href="/admin/documents">Show current documents</Link> : <Link href="/admin/documents?deleted=1">Show deleted documents</Link>} ·{' '}
        <Link href="/admin/documents/new">New document</Link> · <Link href="/admin/import">Import a transcript or essay</Link>
      </p>
      <div className="mt-6">
        <AdminTable
          caption={deleted ? 'Deleted documents' : 'Documents, last changed first'}
          columns={['Title', 'Status', 'Kind', 'Date', 'Passages', 'Version'].map((label) => ({ label }))}
          rows={documents.map((d) => ({
            key: d.id,
            cells: [
              <Link key="title" href={`/admin/documents/${d.id}`}>
                {d.title}
              </Link>,
              d.deleted ? 'deleted' : d.status,
              d.kind,
              <time key="date" dateTime={d.date.iso}>
                {d.date.label}
              </time>,
              d.passageCount,
              d.version,
            ],
          }))}
        />
      </div>
    </>
  );
}
