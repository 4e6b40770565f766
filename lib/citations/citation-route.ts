// GET handlers for /api/v1/documents/<slug>/citation and …/passages/<anchor>/citation: CSL-JSON by
// default, or one format's text with ?format=. The read API's conventions: a bad slug, anchor or
// parameter is a 400 naming it, an unpublished document or unknown passage a JSON 404, anything
// unexpected the API's JSON 500.
import 'server-only';
import { z } from 'zod';
import { jsonBadRequest, jsonNotFound, parseQuery } from '@/lib/api/responses';
import { withJsonErrors } from '@/lib/api/route-errors';
import { getPublishedDocument } from '@/lib/data/documents';
import { anchorParamSchema } from '@/lib/validation/params';
import { slugSchema } from '@/lib/validation/common';
import { citationItem, citationText, utcDay, type CitationSubject } from './citations';
import { CITATION_FORMATS, CITATION_MEDIA_TYPES, CSL_JSON_MEDIA_TYPE } from './formats';

const HEADERS = { 'Access-Control-Allow-Origin': '*', 'Cache-Control': 'no-store' };

const querySchema = z.strictObject({
  format: z.enum(CITATION_FORMATS, { error: `must be one of ${CITATION_FORMATS.join(', ')}` }).optional(),
});

const documentParams = z.object({ slug: slugSchema });
const passageParams = z.object({ slug: slugSchema, anchor: anchorParamSchema });

type Params = { slug: string; anchor?: string };

type Format = z.output<typeof querySchema>['format'];

function answer(subject: CitationSubject, format: Format): Response {
  // Rendered per request, so the access date is the day of the request (UTC).
  const accessed = utcDay();
  if (!format) return new Response(JSON.stringify([citationItem(subject, accessed)]), { headers: { ...HEADERS, 'Content-Type': CSL_JSON_MEDIA_TYPE } });
  return new Response(`${citationText(subject, format, accessed)}\n`, { headers: { ...HEADERS, 'Content-Type': CITATION_MEDIA_TYPES[format] } });
}

/** GET /api/v1/documents/<slug>/citation */
export const documentCitationRoute = withJsonErrors(async (request: Request, { params }: { params: Promise<Params> }) => {
  const parsed = documentParams.safeParse(await params);
  if (!parsed.success) return jsonBadRequest(parsed.error);
  const query = parseQuery(request, querySchema);
  if (query.refused) return query.refused;
  const document = await getPublishedDocument(parsed.data.slug);
  if (!document) return jsonNotFound('document');
  return answer({ document }, query.data.format);
});

/** GET /api/v1/documents/<slug>/passages/<anchor>/citation */
export const passageCitationRoute = withJsonErrors(async (request: Request, { params }: { params: Promise<Params> }) => {
  const parsed = passageParams.safeParse(await params);
  if (!parsed.success) return jsonBadRequest(parsed.error);
  const query = parseQuery(request, querySchema);
  if (query.refused) return query.refused;
  const document = await getPublishedDocument(parsed.data.slug);
  if (!document) return jsonNotFound('document');
  const passage = document.passages.find((p) => p.anchor === parsed.data.anchor);
  if (!passage) return jsonNotFound('passage');
  return answer({ document, passage }, query.data.format);
});
