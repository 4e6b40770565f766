// GET /api/v1/documents/<slug>: one published document with every passage and its reader address.
import { absoluteUrl, jsonBadRequest, jsonNotFound, jsonOk } from '@/lib/api/responses';
import { getPublishedDocument } from '@/lib/data/documents';
import { documentPath, passagePath } from '@/lib/urls';
import { slugParamSchema } from '@/lib/validation/slug-param';

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const parsed = slugParamSchema.safeParse(await params);
  if (!parsed.success) return jsonBadRequest(parsed.error);
  const document = await getPublishedDocument(parsed.data.slug);
  if (!document) return jsonNotFound('document');
  const { passages, ...rest } = document;
  return jsonOk({
    ...rest,
    url: absoluteUrl(request, documentPath(document.slug)),
    passages: passages.map(({ paragraphs: _paragraphs, ...passage }) => ({
      ...passage,
      url: absoluteUrl(request, passagePath(document.slug, passage.anchor)),
    })),
  });
}
