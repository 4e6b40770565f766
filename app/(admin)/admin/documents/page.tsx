// Every document for editors: drafts, published, and (on request) deleted ones.
import type { Metadata } from 'next';
import Link from 'next/link';
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
      <div className="mt-6 overflow-x-auto">
        <table className="w-full border-collapse text-left text-sm">
          <caption className="sr-only">{deleted ? 'Deleted documents' : 'Documents, last changed first'}</caption>
          <thead>
            <tr className="border-b border-stone-300 dark:border-stone-700">
              <th scope="col" className="py-2 pr-4">Title</th>
              <th scope="col" className="py-2 pr-4">Status</th>
              <th scope="col" className="py-2 pr-4">Kind</th>
              <th scope="col" className="py-2 pr-4">Date</th>
              <th scope="col" className="py-2 pr-4">Passages</th>
              <th scope="col" className="py-2 pr-4">Version</th>
            </tr>
          </thead>
          <tbody>
            {documents.map((d) => (
              <tr key={d.id} className="border-b border-stone-200 dark:border-stone-800">
                <th scope="row" className="py-2 pr-4 font-medium">
                  <Link href={`/admin/documents/${d.id}`}>{d.title}</Link>
                </th>
                <td className="py-2 pr-4">{d.deleted ? 'deleted' : d.status}</td>
                <td className="py-2 pr-4">{d.kind}</td>
                <td className="py-2 pr-4">
                  <time dateTime={d.date.iso}>{d.date.label}</time>
                </td>
                <td className="py-2 pr-4">{d.passageCount}</td>
                <td className="py-2 pr-4">{d.version}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
