// What every search engine in the benchmark and the evaluation offers: build an index over the
// archive's passages, then answer a query (the project's query language) with filters.
import type { MatchedBy, SearchRequest } from '@/lib/search/types';

export type SearchFilters = Pick<SearchRequest, 'speaker' | 'topic' | 'kind' | 'from' | 'to'>;

export interface EngineQuery {
  q: string;
  filters: SearchFilters;
}

export interface EngineHits {
  /** Passage ids, best first, at most the limit asked for. */
  ids: number[];
  /** Every match, when the engine counts them (the project's total, facets' basis). */
  total?: number;
  /** The project's total (and facets) are estimates: more matches than it counts one by one. */
  approximate?: boolean;
  /** The project offered and searched a corrected query. */
  didYouMean?: string;
  /** How the project found its hits (all words, some of them, or meaning alone). */
  matchedBy?: MatchedBy;
}

export interface BuildStats {
  /** Time to build the index (for the SQLite engines: nothing; the corpus load built it). */
  buildMs: number;
  /** Bytes of index on disk (SQLite) or of JS heap (in-memory engines). */
  indexBytes: number;
  indexBytesKind: 'disk' | 'heap';
  /** Heap held besides the index proper (the in-memory engines' passage texts and filter columns). */
  sideBytes?: number;
  notes: string[];
}

export interface Engine {
  readonly name: string;
  /** Called once before timing with every query it will see (e.g. to compute MATCH expressions untimed). */
  prepare?(queries: EngineQuery[]): Promise<void>;
  build(): Promise<BuildStats>;
  search(query: EngineQuery, limit: number): Promise<EngineHits>;
  close(): Promise<void>;
}

/** project is searchPassages in hybrid mode (what readers get); project-lexical the same without the meaning-based side, so the two say what the vector step costs. */
export const ENGINE_NAMES = ['project', 'project-lexical', 'project-rank', 'fts5-floor', 'like', 'minisearch', 'flexsearch'] as const;
export type EngineName = (typeof ENGINE_NAMES)[number];
