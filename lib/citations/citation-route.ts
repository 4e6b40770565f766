// GET handlers for /api/v1/documents/<slug>/citation and …/passages/<anchor>/citation: CSL-JSON by
// default, or one format's text with ?format=, through publicGet (ETag, 304, CORS). The read API's conventions: a bad slug, anchor or
// parameter is a 400 naming it, an unpublished document or unknown passage a JSON 404, anything
// unexpected the API's JSON 500.
import 'server-only';
import { z } from 'zod';
import { jsonNotFound, parseRequest } from '@/lib/api/responses';
import { publicGet } from '@/lib/api/public-get';
import { getPublishedDocument } from '@/lib/data/documents';
import { citationQuerySchema, documentCitationParams, passageCitationParams, passageCitationQuerySchema } from './api-params';
import { citationItem, citationText, utcDay, type CitationSubject } from './citations';
import { CITATION_MEDIA_TYPES, CSL_JSON_MEDIA_TYPE } from './formats';

type Params = { slug: string; anchor?: string };

type Format = z.output<typeof citationQuerySchema>['format'];

function answer(subject: CitationSubject, format: Format): Response {
  // Rendered per request, so the access date is the day of the request (UTC).
  const accessed = utcDay();
  if (!format) return new Response(JSON.stringify([citationItem(subject, accessed)]), { headers: { 'Content-Type': CSL_JSON_MEDIA_TYPE } });
  return new Response(`${citationText(subject, format, accessed)}\n`, { headers: { 'Content-Type': CITATION_MEDIA_TYPES[format] } });
}

/** GET /api/v1/documents/<slug>/citation */
export const documentCitationRoute = publicGet(async (request: Request, { params }: { params: Promise<Params> }) => {
  const parsed = await parseRequest(request, params, documentCitationParams, citationQuerySchema);
  if (parsed.refused) return parsed.refused;
  const document = await getPublishedDocument(parsed.params.slug);
  if (!document) return jsonNotFound('document');
  return answer({ document }, parsed.query.format);
});

/** GET /api/v1/documents/<slug>/passages/<anchor>/citation */
export const passageCitationRoute = publicGet(async (request: Request, { params }: { params: Promise<Params> }) => {
  const parsed = await parseRequest(request, params, passageCitationParams, passageCitationQuerySchema);
  if (parsed.refused) return parsed.refused;
  const document = await getPublishedDocument(parsed.params.slug);
  if (!document) return jsonNotFound('document');
  const passage = document.passages.find((p) => p.anchor === parsed.params.anchor);
  if (!passage) return jsonNotFound('passage');
  return answer({ document, passage, moment: parsed.query.t ?? null }, parsed.query.format);
});
