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
  /** The search's own time, measured where it ran (a child process): the bench uses it instead of the wall time around the call, which would add the message passing. */
  elapsedMs?: number;
}

export interface BuildStats {
  /** Time to build the index (for the SQLite engines: nothing; the corpus load built it). */
  buildMs: number;
  /** Bytes of index on disk (SQLite's file, PostgreSQL's database) or of JS heap (in-memory engines). */
  indexBytes: number;
  indexBytesKind: 'disk' | 'heap' | 'server';
  /** PostgreSQL: pg_total_relation_size of the full-text tables and Passage, by name. */
  relationBytes?: Record<string, number>;
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
  /** The memory of an engine that searches outside this process (its child, its server), read after the timed runs. */
  memory?(): Promise<OutOfProcessMemory>;
  close(): Promise<void>;
}

export interface OutOfProcessMemory {
  /** The child process that runs the searches: RSS after the runs, and its peak. */
  childRssBytes: number;
  childMaxRssBytes: number;
  /** The database server's processes (from /proc), when readable. */
  server?: { processes: number; rssBytes: number; pssBytes?: number };
}

/** project is searchPassages in hybrid mode (what readers get); project-lexical the same without the meaning-based side, so the two say what the vector step costs. These run when --engines is not given. */
export const ENGINE_NAMES = ['project', 'project-lexical', 'project-rank', 'fts5-floor', 'like', 'minisearch', 'flexsearch'] as const;
/** Engines that start a server of their own (a throwaway PostgreSQL: seconds to start, the corpus copied into it, a PostgreSQL installation needed): only when named in --engines. project-postgresql is the project's search on PostgreSQL. */
export const OPT_IN_ENGINE_NAMES = ['project-postgresql'] as const;
export const ALL_ENGINE_NAMES = [...ENGINE_NAMES, ...OPT_IN_ENGINE_NAMES] as const;
export type EngineName = (typeof ALL_ENGINE_NAMES)[number];
