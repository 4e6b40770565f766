// /documents/<slug>/opengraph-image: the document's card for link previews (lib/metadata/card.tsx),
// also the card of its passage pages. Drawn per request, so a changed title or an unpublished
// document shows at once; link-preview crawlers, its only readers, may keep it an hour.
import { getPublishedDocument } from '@/lib/data/documents';
import { CARD_SIZE, documentCard } from '@/lib/metadata/card';

export const dynamic = 'force-dynamic';
export const size = CARD_SIZE;
export const contentType = 'image/png';
export const alt = 'The document’s title, kind, original date, publisher and participants';

export default async function Image({ params }: { params: Promise<{ slug: string }> }): Promise<Response> {
  const document = await getPublishedDocument((await params).slug);
  if (!document) return new Response('Not found', { status: 404, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
  return documentCard(document);
}
