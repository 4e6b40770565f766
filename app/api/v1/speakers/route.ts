// GET /api/v1/speakers: everyone who speaks or writes in a published document. It takes no parameters.
import { absoluteUrl, jsonOk, parseQuery } from '@/lib/api/responses';
import { listSpeakers } from '@/lib/data/speakers';
import { speakerPath } from '@/lib/urls';
import { noParamsSchema } from '@/lib/validation/common';
import { publicGet } from '@/lib/api/public-get';

export const { GET, OPTIONS } = publicGet(async (request: Request) => {
  const query = parseQuery(request, noParamsSchema);
  if (query.refused) return query.refused;
  const speakers = await listSpeakers();
  return jsonOk({ items: speakers.map((s) => ({ ...s, url: absoluteUrl(speakerPath(s.slug)) })) });
});
