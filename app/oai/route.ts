// /oai: the OAI-PMH 2.0 repository (lib/oai). GET with the arguments in the query, POST with them
// as an application/x-www-form-urlencoded body (section 3.1.1). Every answer, errors included, is
// HTTP 200 text/xml, rendered per request (responseDate) and never kept by a cache.
import { answerOai } from '@/lib/oai/repository';
import { errorResponse } from '@/lib/oai/xml';
import { oaiError } from '@/lib/oai/errors';
import { oaiSettings } from '@/lib/oai/config';

export const dynamic = 'force-dynamic';

/** Far above any real request (a token is a few hundred bytes): a longer body is refused unread. */
const MAX_BODY_BYTES = 16_384;

const HEADERS = {
  'Content-Type': 'text/xml; charset=utf-8',
  'Cache-Control': 'no-store',
  // Machine-readable metadata for harvesters: the reader's pages are what search engines should show.
  'X-Robots-Tag': 'noindex',
};

const xml = (body: string) => new Response(body, { status: 200, headers: HEADERS });

export async function GET(request: Request): Promise<Response> {
  return xml(await answerOai([...new URL(request.url).searchParams]));
}

export async function POST(request: Request): Promise<Response> {
  const refuse = (message: string) => xml(errorResponse(oaiSettings().baseUrl, new Date(), null, [oaiError('badArgument', message)]));
  const type = (request.headers.get('content-type') ?? '').split(';')[0].trim().toLowerCase();
  if (type !== 'application/x-www-form-urlencoded') return refuse('A POST request carries its arguments as application/x-www-form-urlencoded.');
  if (new URL(request.url).search !== '') return refuse('A POST request carries its arguments in its body, not in the address.');
  const body = await boundedText(request, MAX_BODY_BYTES);
  if (body === null) return refuse('The request is too long.');
  return xml(await answerOai([...new URLSearchParams(body)]));
}

/** The body as text, or null past `limit` bytes: read no further than that, whatever Content-Length says. */
async function boundedText(request: Request, limit: number): Promise<string | null> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks).toString('utf8');
}
