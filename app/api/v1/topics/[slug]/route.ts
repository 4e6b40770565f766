// GET /api/v1/topics/<slug>: every published passage tagged with one topic.
import { absoluteUrl, jsonBadRequest, jsonNotFound, jsonOk } from '@/lib/api/responses';
import { getTopic } from '@/lib/data/topics';
import { passagePath, topicPath } from '@/lib/urls';
import { slugParamSchema } from '@/lib/validation/slug-param';

export async function GET(request: Request, { params }: { params: Promise<{ slug: string }> }) {
  const parsed = slugParamSchema.safeParse(await params);
  if (!parsed.success) return jsonBadRequest(parsed.error);
  const topic = await getTopic(parsed.data.slug);
  if (!topic) return jsonNotFound('topic');
  return jsonOk({
    ...topic,
    url: absoluteUrl(request, topicPath(topic.slug)),
    passages: topic.passages.map((p) => ({ ...p, url: absoluteUrl(request, passagePath(p.document.slug, p.anchor)) })),
  });
}
