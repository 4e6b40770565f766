// Search for pages and the API, on the app's database, through lib/db's read-only reader (see
// lib/db/sqlite/reader.ts for why not through Prisma). The production server on a SQLite archive runs
// each search on a search thread (lib/search/thread), the main thread's reader only stamping answers.
import 'server-only';
import { availableParallelism } from 'node:os';
import { databaseFilePath, engineOf } from '@/lib/db';
import { reader } from '@/lib/db/client';
import { env } from '@/lib/env';
import { searchAnswerJson } from '@/lib/data/search-answer';
import { moreLikeThis } from '@/lib/search/more-like-this';
import { highlightDocument } from '@/lib/search/highlight-document';
import { createResultCache } from '@/lib/search/result-cache';
import { searchPassages } from '@/lib/search/search-passages';
import { searchThreadCount, startSearchThreads, type SearchThreads } from '@/lib/search/thread/search-threads';
import type { SearchRequest } from '@/lib/search/types';

// Answers kept for requests asked again: the search pages' answers, and the search API's JSON text. One
// of each per module instance (Next's bundle has its own, and so has the request edge's copy of these
// modules, lib/server/direct-search-api.ts), all stamped by the process's one reader (lib/db/client.ts
// keeps it on globalThis). The two do not share: a search kept for a page runs again when the API asks
// it through Next (a HEAD, or before the first search thread is ready); the edge fills only the API's.
const answers = createResultCache();
const apiAnswers = createResultCache<string>();

// One set of threads per process, whichever bundle asks first (as lib/db/client.ts keeps the reader).
const globalForSearch = globalThis as unknown as { searchThreads?: SearchThreads | null };

/**
 * The process's search threads: only in production (a development server reloads the search modules
 * on every edit; a thread would keep the old ones) and on SQLite (PostgreSQL searches in its own
 * server processes already).
 */
function searchThreads(): SearchThreads | null {
  if (globalForSearch.searchThreads !== undefined) return globalForSearch.searchThreads;
  const count = searchThreadCount(env.SEARCH_THREADS, availableParallelism());
  const wanted = process.env.NODE_ENV === 'production' && engineOf(env.DATABASE_URL) === 'sqlite' && count > 0;
  globalForSearch.searchThreads = wanted ? startSearchThreads({ file: databaseFilePath(env.DATABASE_URL), count }) : null;
  return globalForSearch.searchThreads;
}

/**
 * Whether searches run on a search thread now (starting the threads if no search has yet): the
 * request edge answers the API itself only then (lib/server/direct-search-api.ts).
 */
export const searchesOnThreads = (): boolean => (searchThreads()?.ready ?? 0) > 0;

/** A search, answered again from memory while the archive has not changed (lib/search/result-cache.ts). */
export const search = (request: SearchRequest) => {
  const db = reader();
  return answers.answer(db, request, (asked) => {
    const here = () => searchPassages(db, asked);
    return searchThreads()?.search(asked, here) ?? here();
  });
};
/**
 * A search as the search API's JSON text (lib/data/search-answer.ts), made on the search thread that ran
 * it, kept as `search` keeps its answers.
 */
export const searchJson = (request: SearchRequest) => {
  const db = reader();
  return apiAnswers.answer(db, request, (asked) => {
    const here = async () => searchAnswerJson(await searchPassages(db, asked));
    return searchThreads()?.searchJson(asked, here) ?? here();
  });
};
export const similarPassages = (passageId: number, limit?: number) => moreLikeThis(reader(), passageId, limit);
export const documentMatches = (documentSlug: string, q: string) => highlightDocument(reader(), documentSlug, q);
