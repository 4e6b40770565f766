// The shapes of a search: what is asked, and what comes back (the API's JSON contract).
export interface SearchRequest {
  q: string;
  speaker?: string;
  topic?: string;
  kind?: 'question' | 'answer' | 'paragraph';
  /** A document slug: search within one document. */
  document?: string;
  from?: string;
  to?: string;
  page: number;
  pageSize: number;
}

export interface SearchHit {
  passageId: number;
  documentSlug: string;
  documentTitle: string;
  kind: 'question' | 'answer' | 'paragraph';
  speaker: { slug: string; name: string } | null;
  /** The document's date at its precision: "2016-12". */
  date: string;
  /** HTML: the passage text escaped, matches in <mark>…</mark>, no other tag. */
  snippet: string;
  /** The passage's stable address in the reader. */
  url: string;
  /** Higher is better (BM25, sign flipped). */
  score: number;
  anchor: number;
  /** The snippet as plain text with match sentinels (lib/search/marks.ts), for pages to render without HTML strings. */
  marked: string;
}

export interface SearchFacets {
  speakers: { slug: string; name: string; count: number }[];
  topics: { slug: string; name: string; count: number }[];
  kinds: { kind: string; count: number }[];
  years: { year: number; count: number }[];
}

export interface SearchResponse {
  query: string;
  total: number;
  page: number;
  pageSize: number;
  hits: SearchHit[];
  facets: SearchFacets;
  /** A corrected query, offered (and searched) when the query as typed finds nothing. */
  didYouMean?: string;
  /** Said to the reader when the query has nothing to search for. */
  message?: string;
}
