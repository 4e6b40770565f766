// The search API's answer as JSON text: the search's answer with each hit, and the speakers, documents,
// topics and sections it matched, in their public form (lib/data/dto.ts). Made where the search ran: on
// a search thread (lib/search/thread), whose main thread then only sends the text, or in the handler.
import 'server-only';
import type { SearchResponse } from '@/lib/search/types';
import { absoluteUrl } from '@/lib/site-origin';
import { entityMatchesDto, searchHitDto } from './dto';

export function searchAnswerJson(result: SearchResponse): string {
  const entities = result.entities ? { entities: entityMatchesDto(result.entities, absoluteUrl) } : {};
  return JSON.stringify({ ...result, hits: result.hits.map((hit) => searchHitDto(hit, absoluteUrl)), ...entities });
}
