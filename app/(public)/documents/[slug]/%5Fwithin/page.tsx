// /documents/<slug>?q=…: the reader with a search within the document, rendered per request. The
// reader's URL stays /documents/<slug>?q=…; proxy.ts rewrites it here (lib/cache/public-pages.ts).
import { notFound } from 'next/navigation';
import { documentMatches } from '@/lib/data/search';
import { repeatedParams, searchParamsRecord } from '@/lib/validation/common';
import { MAX_QUERY_LENGTH } from '@/lib/validation/search';
import { loadDocument, Reader, readerMetadata, type ReaderParams } from '../_lib/reader';

type Props = ReaderParams & { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The reader's own search: a query of reasonable length, or nothing (a bad one is ignored, not an
 * error). Given twice, which was meant cannot be known, so neither is searched.
 */
function inDocumentQuery(query: Record<string, string | string[] | undefined>): string {
  if (repeatedParams(query).includes('q')) return '';
  const q = searchParamsRecord(query).q?.trim() ?? '';
  return q.length <= MAX_QUERY_LENGTH ? q : '';
}

export const generateMetadata = readerMetadata;

export default async function DocumentSearchPage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const document = await loadDocument(slug);
  if (!document) notFound();
  const q = inDocumentQuery(query);
  const matches = q ? await documentMatches(document.slug, q) : null;
  return <Reader document={document} q={q} matches={matches} />;
}
