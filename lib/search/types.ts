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
  /**
   * How passages are found. 'hybrid' (the default, what readers get) fuses the lexical and the
   * meaning-based ranks; 'lexical' and 'vector' run one side alone (the relevance evaluation compares them).
   */
  mode?: SearchMode;
}

export const SEARCH_MODES = ['hybrid', 'lexical', 'vector'] as const;
export type SearchMode = (typeof SEARCH_MODES)[number];

/**
 * How the hits were found, for the page to say so: every word matched ('all'), only some of the
 * reader's words did ('some': "showing passages that match some of your words"), or the passages were
 * found by meaning alone, none of the words being in them ('meaning').
 */
export type MatchedBy = 'all' | 'some' | 'meaning';

/** Speakers, documents and topics that match the query, shown above the passages as a compact list. */
export interface EntityMatches {
  speakers: { slug: string; name: string; /** Why it matched: a line of the bio or an alias, with match sentinels. */ marked?: string }[];
  documents: {
    slug: string;
    title: string;
    kind: string;
    date: string;
    /** Title, subtitle, summary or publisher line that matched, with match sentinels. */ marked?: string;
  }[];
  topics: { slug: string; name: string }[];
  /** Sections of a document's table of contents: the link lands on the passage each starts at. */
  sections: { documentSlug: string; documentTitle: string; title: string; anchor: number; /** Synopsis or keywords that matched. */ marked?: string }[];
}

/** A passage that matched: what the search page shows, and what the API's SearchHitDto is built from. */
export interface SearchHit extends PassageRef {
  /** Higher is better (BM25, sign flipped). */
  score: number;
  /** The snippet as plain text with match sentinels (lib/search/marks.ts): pages render its runs, the API makes it HTML. */
  marked: string;
  /** For an answer: the question it answers, as a short line, so a reader sees what was asked. */
  question?: { anchor: number; text: string };
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
  /** How the hits were found (absent when there are none). */
  matchedBy?: MatchedBy;
  /** Speakers, documents and topics matching the query (absent when none do, or on later pages). */
  entities?: EntityMatches;
  /**
   * Present when the matches are too many to count one by one (over a cap): `total` and the facet
   * counts are then estimates, which pages show as "about 88,000" and the API reports as such. Below
   * the cap every count is exact and this is absent.
   */
  approximate?: true;
}
