// GET /api/v1/topics/<slug>: every published passage tagged with one topic.
import { absoluteUrl } from '@/lib/api/responses';
import { slugRoute } from '@/lib/api/slug-route';
import { getTopic } from '@/lib/data/topics';
import { passagePath, topicPath } from '@/lib/urls';

export { preflight as OPTIONS } from '@/lib/api/public-get';

export const GET = slugRoute('topic', getTopic, (topic) => ({
  ...topic,
  url: absoluteUrl(topicPath(topic.slug)),
  passages: topic.passages.map((p) => ({ ...p, url: absoluteUrl(passagePath(p.document.slug, p.anchor)) })),
}));
