// GET /api/v1/topics: the taxonomy with passage and document counts over published documents.
import { absoluteUrl, jsonOk } from '@/lib/api/responses';
import { listTopics } from '@/lib/data/topics';
import { topicPath } from '@/lib/urls';

export async function GET(request: Request) {
  const topics = await listTopics();
  return jsonOk({ items: topics.map((t) => ({ ...t, url: absoluteUrl(request, topicPath(t.slug)) })) });
}
