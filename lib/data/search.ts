// Search for pages and the API, on the app's database.
import 'server-only';
import { prisma } from '@/lib/db/client';
import { moreLikeThis } from '@/lib/search/more-like-this';
import { highlightDocument } from '@/lib/search/highlight-document';
import { searchPassages } from '@/lib/search/search-passages';
import type { SearchRequest } from '@/lib/search/types';

export const search = (request: SearchRequest) => searchPassages(prisma, request);
export const similarPassages = (passageId: number, limit?: number) => moreLikeThis(prisma, passageId, limit);
export const documentMatches = (documentSlug: string, q: string) => highlightDocument(prisma, documentSlug, q);
