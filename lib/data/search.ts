// Search for pages and the API, on the app's database, through a read-only connection of its own
// (see lib/search/sqlite-reader.ts for why not through Prisma).
import 'server-only';
import { env } from '@/lib/env';
import { databaseFilePath } from '@/lib/db/database-file';
import { moreLikeThis } from '@/lib/search/more-like-this';
import { highlightDocument } from '@/lib/search/highlight-document';
import { searchPassages } from '@/lib/search/search-passages';
import { openSearchReader, type SearchReader } from '@/lib/search/sqlite-reader';
import type { SearchRequest } from '@/lib/search/types';

// One connection for the process, kept across hot reloads in development.
const globalForSearch = globalThis as unknown as { searchReader?: SearchReader };
function reader(): SearchReader {
  globalForSearch.searchReader ??= openSearchReader(databaseFilePath(env.DATABASE_URL));
  return globalForSearch.searchReader;
}

export const search = (request: SearchRequest) => searchPassages(reader(), request);
export const similarPassages = (passageId: number, limit?: number) => moreLikeThis(reader(), passageId, limit);
export const documentMatches = (documentSlug: string, q: string) => highlightDocument(reader(), documentSlug, q);
