// Search for pages and the API, on the app's database, through lib/db's read-only reader (see
// lib/db/sqlite/reader.ts for why not through Prisma).
import 'server-only';
import { reader } from '@/lib/db/client';
import { moreLikeThis } from '@/lib/search/more-like-this';
import { highlightDocument } from '@/lib/search/highlight-document';
import { searchPassages } from '@/lib/search/search-passages';
import type { SearchRequest } from '@/lib/search/types';

export const search = (request: SearchRequest) => searchPassages(reader(), request);
export const similarPassages = (passageId: number, limit?: number) => moreLikeThis(reader(), passageId, limit);
export const documentMatches = (documentSlug: string, q: string) => highlightDocument(reader(), documentSlug, q);
