// GET /api/v1/speakers/<slug>: a speaker's bio, documents and passages grouped by topic.
import { absoluteUrl } from '@/lib/api/responses';
import { slugRoute } from '@/lib/api/slug-route';
import { getSpeaker } from '@/lib/data/speakers';
import { passagePath, speakerPath } from '@/lib/urls';

export { preflight as OPTIONS } from '@/lib/api/public-get';

export const GET = slugRoute('speaker', getSpeaker, (speaker) => ({
  ...speaker,
  url: absoluteUrl(speakerPath(speaker.slug)),
  byTopic: speaker.byTopic.map((group) => ({
    ...group,
    passages: group.passages.map((p) => ({ ...p, url: absoluteUrl(passagePath(p.document.slug, p.anchor)) })),
  })),
}));
