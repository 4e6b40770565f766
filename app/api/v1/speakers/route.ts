// GET /api/v1/speakers: everyone who speaks or writes in a published document.
import { absoluteUrl, jsonOk } from '@/lib/api/responses';
import { listSpeakers } from '@/lib/data/speakers';
import { speakerPath } from '@/lib/urls';

export async function GET(request: Request) {
  const speakers = await listSpeakers();
  return jsonOk({ items: speakers.map((s) => ({ ...s, url: absoluteUrl(request, speakerPath(s.slug)) })) });
}
