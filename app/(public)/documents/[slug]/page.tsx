// /documents/<slug>: the reader. An interview reads as a dialogue, an essay as paragraphs. Kept in
// the page cache and renewed when an editor saves (lib/cache): it never reads its query string, so
// a search within the document (?q=…) goes to its twin, ./%5Fwithin (proxy.ts rewrites it there).
import { notFound } from 'next/navigation';
import { JsonLd } from '@/components/json-ld';
import { documentNode } from '@/lib/structured-data/document';
import { loadDocument, Reader, readerMetadata, type ReaderParams } from './_lib/reader';

// Rendered on the first visit, then served from the cache (none at build time: the archive is the
// running server's).
export function generateStaticParams(): { slug: string }[] {
  return [];
}

export const generateMetadata = readerMetadata;

export default async function DocumentPage({ params }: ReaderParams) {
  const document = await loadDocument((await params).slug);
  if (!document) notFound();
  return (
    <>
      <JsonLd data={documentNode(document, { passages: true })} />
      <Reader document={document} />
    </>
  );
}
