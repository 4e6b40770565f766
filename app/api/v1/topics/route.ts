// GET /api/v1/topics: the taxonomy with passage and document counts over published documents. It takes no parameters.
import { absoluteUrl, jsonOk, parseQuery } from '@/lib/api/responses';
import { listTopics } from '@/lib/data/topics';
import { topicPath } from '@/lib/urls';
import { noParamsSchema } from '@/lib/validation/common';
import { publicGet } from '@/lib/api/public-get';

export const { GET, OPTIONS } = publicGet(async (request: Request) => {
  const query = parseQuery(request, noParamsSchema);
  if (query.refused) return query.refused;
  const topics = await listTopics();
  return jsonOk({ items: topics.map((t) => ({ ...t, url: absoluteUrl(topicPath(t.slug)) })) });
});
