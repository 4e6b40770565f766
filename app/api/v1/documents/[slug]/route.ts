// GET /api/v1/documents/<slug>: one published document with every passage and its reader address.
import { absoluteUrl, jsonBadRequest, jsonNotFound, jsonOk, parseQuery } from '@/lib/api/responses';
import { getPublishedDocument } from '@/lib/data/documents';
import { documentPath, passagePath } from '@/lib/urls';
import { noParamsSchema } from '@/lib/validation/common';
import { slugParamSchema } from '@/lib/validation/slug-param';
import { withJsonErrors } from '@/lib/api/route-errors';

export const GET = withJsonErrors(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const parsed = slugParamSchema.safeParse(await params);
  if (!parsed.success) return jsonBadRequest(parsed.error);
  const query = parseQuery(request, noParamsSchema);
  if (query.refused) return query.refused;
  const document = await getPublishedDocument(parsed.data.slug);
  if (!document) return jsonNotFound('document');
  const { passages, ...rest } = document;
  return jsonOk({
    ...rest,
    url: absoluteUrl(documentPath(document.slug)),
    passages: passages.map(({ paragraphs: _paragraphs, ...passage }) => ({
      ...passage,
      url: absoluteUrl(passagePath(document.slug, passage.anchor)),
    })),
  });
});
