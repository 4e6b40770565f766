// /documents?speaker=…&topic=…&page=…: the documents list as the reader filtered it, rendered per
// request. The URL stays /documents?…; proxy.ts rewrites it here (lib/cache/public-pages.ts).
import type { Metadata } from 'next';
import { pageMetadata } from '@/lib/metadata/page';
import { DocumentsList } from '../_lib/documents-list';

// A reader's own view of the list: not for search engines, whose copy is /documents.
export const generateMetadata = (): Metadata => pageMetadata({ title: 'Documents', noindex: true });

export default async function FilteredDocumentsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  return <DocumentsList query={await searchParams} />;
}
