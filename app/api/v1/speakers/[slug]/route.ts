// GET /api/v1/speakers/<slug>: a speaker's bio, documents and passages grouped by topic.
import { absoluteUrl, jsonBadRequest, jsonNotFound, jsonOk, parseQuery } from '@/lib/api/responses';
import { getSpeaker } from '@/lib/data/speakers';
import { passagePath, speakerPath } from '@/lib/urls';
import { noParamsSchema } from '@/lib/validation/common';
import { slugParamSchema } from '@/lib/validation/slug-param';
import { withJsonErrors } from '@/lib/api/route-errors';

export const GET = withJsonErrors(async (request: Request, { params }: { params: Promise<{ slug: string }> }) => {
  const parsed = slugParamSchema.safeParse(await params);
  if (!parsed.success) return jsonBadRequest(parsed.error);
  const query = parseQuery(request, noParamsSchema);
  if (query.refused) return query.refused;
  const speaker = await getSpeaker(parsed.data.slug);
  if (!speaker) return jsonNotFound('speaker');
  return jsonOk({
    ...speaker,
    url: absoluteUrl(speakerPath(speaker.slug)),
    byTopic: speaker.byTopic.map((group) => ({
      ...group,
      passages: group.passages.map((p) => ({ ...p, url: absoluteUrl(passagePath(p.document.slug, p.anchor)) })),
    })),
  });
});
