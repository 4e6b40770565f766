// What the server's main thread and a search thread say to each other.
import type { SearchRequest, SearchResponse } from '@/lib/search/types';

/**
 * How the answer comes back: the search's own answer (a page renders it), or the search API's JSON
 * text (lib/data/search-answer.ts), made on the thread: the main thread then only sends it, and a
 * string crosses between threads as one copy where the answer's object is taken apart and rebuilt.
 */
export type AnswerForm = 'response' | 'json';

/** A search for the thread to run, numbered so that its answer finds its way back. */
export interface ToThread {
  id: number;
  request: SearchRequest;
  form: AnswerForm;
}

/** The thread is ready (its connection open, its modules loaded), or one search's answer or failure. */
export type FromThread = { ready: true } | { id: number; response: SearchResponse } | { id: number; json: string } | { id: number; error: string };
