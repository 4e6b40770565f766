// What the project-postgresql engine and its child process (postgres-worker.ts) say to each other
// over Node's IPC channel: one request, one reply, matched by seq.
import type { EngineHits, EngineQuery } from './types';

export type WorkerRequest = { kind: 'search'; query: EngineQuery; limit: number } | { kind: 'stats' };

export interface SearchReply {
  kind: 'search';
  /** searchPassages alone, timed in the child. */
  elapsedMs: number;
  hits: EngineHits;
}

export interface StatsReply {
  kind: 'stats';
  /** pg_database_size of the bench database. */
  databaseBytes: number;
  /** pg_total_relation_size (table, indexes, TOAST) of the full-text tables and Passage. */
  relations: Record<string, number>;
  /** A backend of the child's pool: its parent process is the server's postmaster. */
  backendPid: number;
  serverVersion: string;
  /** The child's own memory: RSS now and its peak. */
  rssBytes: number;
  maxRssBytes: number;
}

export type WorkerReply = SearchReply | StatsReply;
export type WorkerMessage = (WorkerReply | { kind: 'ready' } | { kind: 'error'; message: string }) & { seq: number };
