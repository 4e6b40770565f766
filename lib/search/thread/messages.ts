// What the server's main thread and a search thread say to each other.
import type { SearchRequest, SearchResponse } from '@/lib/search/types';

/** A search for the thread to run, numbered so that its answer finds its way back. */
export interface ToThread {
  id: number;
  request: SearchRequest;
}

/** The thread is ready (its connection open, its modules loaded), or one search's answer or failure. */
export type FromThread = { ready: true } | { id: number; response: SearchResponse } | { id: number; error: string };
