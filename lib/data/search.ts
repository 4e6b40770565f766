// Search for pages and the API, on the app's database, through lib/db's read-only reader (see
// lib/db/sqlite/reader.ts for why not through Prisma).
import 'server-only';
import { reader } from '@/lib/db/client';
import { moreLikeThis } from '@/lib/search/more-like-this';
import { highlightDocument } from '@/lib/search/highlight-document';
import { createResultCache } from '@/lib/search/result-cache';
import { searchPassages } from '@/lib/search/search-passages';
import type { SearchRequest } from '@/lib/search/types';

// One per module instance, beside the reader it is stamped by (lib/db/client.ts keeps one per bundle).
const answers = createResultCache();

/** A search, answered again from memory while the archive has not changed (lib/search/result-cache.ts). */
export const search = (request: SearchRequest) => {
  const db = reader();
  return answers.answer(db, request, (asked) => searchPassages(db, asked));
};
export const similarPassages = (passageId: number, limit?: number) => moreLikeThis(reader(), passageId, limit);
export const documentMatches = (documentSlug: string, q: string) => highlightDocument(reader(), documentSlug, q);
