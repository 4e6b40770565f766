// /documents?speaker=…&topic=…&page=…: the documents list as the reader filtered it, rendered per
// request. The URL stays /documents?…; proxy.ts rewrites it here (lib/cache/public-pages.ts).
import type { Metadata } from 'next';
import { DocumentsList } from '../_lib/documents-list';

export const metadata: Metadata = { title: 'Documents' };

export default async function FilteredDocumentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <DocumentsList query={await searchParams} />;
}
