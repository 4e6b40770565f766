// A search hit's snippet as the API gives it: HTML built by the API's DTO from the hit's marked text.
import { searchHitDto } from '@/lib/data/dto';
import type { SearchHit } from '@/lib/search/types';

export const snippetOf = (hit: SearchHit): string => searchHitDto(hit, (path) => path).snippet;
