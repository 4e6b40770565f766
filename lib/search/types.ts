// The shapes of a search: what is asked, and what comes back. The API's JSON shape of a hit is
// SearchHitDto (lib/data/dto.ts), built from a SearchHit field by field.
import type { PassageKind } from '@/lib/vocabulary';
import type { PassageRef } from './passage-rows';

export interface SearchRequest {
  q: string;
  speaker?: string;
  topic?: string;
  kind?: PassageKind;
  /** A document slug: search within one document. */
  document?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

/** A passage that matched: what the search page shows, and what the API's SearchHitDto is built from. */
export interface SearchHit extends PassageRef {
  /** Higher is better (BM25, sign flipped). */
  score: number;
  /** The snippet as plain text with match sentinels (lib/search/marks.ts): pages render its runs, the API makes it HTML. */
  marked: string;
}

export interface SearchFacets {
  speakers: { slug: string; name: string; count: number }[];
  topics: { slug: string; name: string; count: number }[];
  kinds: { kind: string; count: number }[];
  years: { year: number; count: number }[];
}

export interface SearchResponse<Hit = SearchHit> {
  query: string;
  total: number;
  page: number;
  pageSize: number;
  hits: Hit[];
  facets: SearchFacets;
  /** A corrected query, offered (and searched) when the query as typed finds nothing. */
  didYouMean?: string;
  /** Said to the reader when the query has nothing to search for. */
  message?: string;
}
