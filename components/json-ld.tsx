// Structured data for a page: a JSON-LD data block. Not a script the browser runs (its type is not
// JavaScript), so the page's nonce CSP does not apply to it and it carries no nonce: it is the same
// for every reader and safe to keep in the page cache. serializeJsonLd escapes "<", so no text in it
// can end the element.
import { serializeJsonLd } from '@/lib/structured-data/serialize';
import type { JsonLdNode } from '@/lib/structured-data/types';

export function JsonLd({ data }: { data: JsonLdNode }) {
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
