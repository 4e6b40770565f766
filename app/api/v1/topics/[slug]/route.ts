// GET /api/v1/topics/<slug>: every published passage tagged with one topic.
import { absoluteUrl, jsonBadRequest, jsonNotFound, jsonOk, parseQuery } from '@/lib/api/responses';
import { getTopic } from '@/lib/data/topics';
import { passagePath, topicPath } from '@/lib/urls';
import { noParamsSchema } from '@/lib/validation/common';
import { slugParamSchema } from '@/lib/validation/slug-param';
import { withJsonErrors } from '@/lib/api/route-errors';

export const GET = withJsonErrors(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const parsed = slugParamSchema.safeParse(await params);
  if (!parsed.success) return jsonBadRequest(parsed.error);
  const query = parseQuery(request, noParamsSchema);
  if (query.refused) return query.refused;
  const topic = await getTopic(parsed.data.slug);
  if (!topic) return jsonNotFound('topic');
  return jsonOk({
    ...topic,
    url: absoluteUrl(topicPath(topic.slug)),
    passages: topic.passages.map((p) => ({ ...p, url: absoluteUrl(passagePath(p.document.slug, p.anchor)) })),
  });
});
