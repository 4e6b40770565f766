// The search benchmark's options and its result: what search-<N>.json holds and report.ts reads.
import type { BuildStats, EngineName, OutOfProcessMemory } from '../engines/types';
import type { CorpusInfo } from './load';
import type { BenchQuery } from './queries';
import type { Summary } from './stats';

export interface BenchOptions {
  n: number;
  runs: number;
  seed: number;
  engines: EngineName[];
  rebuild: boolean;
  outDir: string;
  cacheDir: string;
  /** Above this N the LIKE scan is skipped (seconds a query). */
  likeMaxN: number;
  /** Above this N the in-memory engines are skipped (their heap would not fit beside the others). */
  memoryMaxN: number;
  pageSize: number;
  progress: boolean;
}

export interface QueryRecord {
  id: string;
  cls: string;
  q: string;
  filters: BenchQuery['filters'];
  medianMs: number;
  hits: number;
  total?: number;
  approximate?: boolean;
  didYouMean?: string;
  /** How the project's search found its hits ('some' words, or by 'meaning': not comparable with the floor's every-word match). */
  matchedBy?: string;
  ids: number[];
}

export interface EngineResult {
  name: EngineName;
  skipped?: string;
  build?: BuildStats;
  /** Process RSS right after this engine's timed runs, and the peak so far. */
  rssBytes?: number;
  maxRssBytes?: number;
  /**
   * The peak of the process's own resident memory over its searches, without the database pages it
   * maps (which maxRssBytes counts); unset for an engine in a child process, or without /proc.
   */
  maxOwnRssBytes?: number;
  /** Whose RSS: this process's (unset), or the child process the engine searched in. */
  rssOf?: 'child process';
  /** The database server's processes after the timed runs (project-postgresql), from /proc. */
  server?: OutOfProcessMemory['server'];
  /** Over the exact-word classes (not natural), as before issue 9, so the stored baselines stay comparable. */
  overall?: Summary;
  unfiltered?: Summary;
  filtered?: Summary;
  /** The natural class, without and with filters. */
  natural?: Summary;
  classes?: Record<string, Summary>;
  queries?: QueryRecord[];
}

export interface ConsistencyRecord {
  id: string;
  q: string;
  projectTotal: number;
  /** The project's total is an estimate (lib/search/counting.ts). */
  approximate?: boolean;
  floorPublishedMatches: number;
  didYouMean?: string;
  matchedBy?: string;
  /** |project top-10 ∩ floor top-10 (published only)| / min(10, sizes). */
  overlap: number;
}

export interface BenchResult {
  meta: {
    n: number;
    seed: number;
    runs: number;
    pageSize: number;
    engines: EngineName[];
    generatedAt: string;
    node: string;
    platform: string;
    cpus: number;
    cpuModel: string;
    totalMemoryBytes: number;
  };
  corpus: CorpusInfo;
  queries: { count: number; classes: string[] };
  engines: EngineResult[];
  consistency: ConsistencyRecord[];
  files: { json: string; markdown: string };
}
