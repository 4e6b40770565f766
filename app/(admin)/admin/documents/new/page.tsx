// A new, empty draft document.
import type { Metadata } from 'next';
import { NewDocumentForm } from './_components/new-document-form';
import { requireEditor } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'New document' };

export default async function NewDocumentPage() {
  await requireEditor();
  return (
    <>
      <h1 className="mb-6 font-serif text-3xl font-semibold">New document</h1>
      <NewDocumentForm />
    </>
  );
}
