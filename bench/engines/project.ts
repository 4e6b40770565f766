// The project's own search, called exactly as the API route calls it (no HTTP): searchPassages on
// lib/db's read-only reader, opened as a search thread opens its own, in one of its modes: 'hybrid' (what
// readers get: lexical and meaning-based ranks fused), or 'lexical' / 'vector' alone, so the
// evaluation and the benchmark can say what each side brings and costs. "project-rank" runs only the ranked page
// (the exact plan and rankWindow: no counts, no facets, no snippets, no typo retry), to show what
// facets and hit details cost on top.
import { createPrismaClient, openReader, type Reader } from '@/lib/db';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { exactMatch } from '@/lib/search/lexical-match';
import { rankWindow } from '@/lib/search/lexical-search';
import { initialismsOf, isNaturalQuery, parseQuery } from '@/lib/search/query-parser';
import { startReadingFacetColumns } from '@/lib/search/facet-columns';
import { searchPassages } from '@/lib/search/search-passages';
import type { SearchMode, SearchRequest } from '@/lib/search/types';
import { SqliteFileEngine } from './sqlite-file';
import type { EngineHits, EngineQuery } from './types';

export function requestFor(query: EngineQuery, limit: number, mode?: SearchMode): SearchRequest {
  return { q: query.q, ...query.filters, page: 1, pageSize: limit, ...(mode ? { mode } : {}) };
}

export class ProjectEngine extends SqliteFileEngine<Reader> {
  readonly name: string;
  protected readonly note = 'index built by the FTS5 triggers during the corpus load';

  /** The mode is always sent, 'hybrid' too, so the figures are those of the mode named. Named "project" in hybrid mode (the benchmark's baselines), "project-<mode>" otherwise. */
  constructor(
    dbFile: string,
    loadMs: number,
    readonly mode: SearchMode = 'hybrid',
  ) {
    super(dbFile, loadMs);
    this.name = mode === 'hybrid' ? 'project' : `project-${mode}`;
  }

  protected async open() {
    // As a search thread opens its connection (each search in one read: lib/db/sqlite/one-read.ts) and
    // reads the facet columns at its start, before its first search (not part of the load).
    const reader = openReader(this.dbFile, { oneRead: true });
    await startReadingFacetColumns(reader);
    return { value: reader, close: () => reader.close() };
  }

  async search(query: EngineQuery, limit: number): Promise<EngineHits> {
    const response = await searchPassages(this.db, requestFor(query, limit, this.mode));
    return {
      ids: response.hits.map((h) => h.passageId),
      total: response.total,
      didYouMean: response.didYouMean,
      ...(response.approximate ? { approximate: true } : {}),
      ...(response.matchedBy ? { matchedBy: response.matchedBy } : {}),
    };
  }
}

export class ProjectRankEngine extends SqliteFileEngine<PrismaClient> {
  readonly name = 'project-rank';
  protected readonly note = 'the same index as project';

  protected async open() {
    const prisma = createPrismaClient(`file:${this.dbFile}`);
    await prisma.$connect();
    return { value: prisma, close: () => prisma.$disconnect() };
  }

  async search(query: EngineQuery, limit: number): Promise<EngineHits> {
    const request = requestFor(query, limit);
    // The ranked page exactly as lexical-search.ts builds it: the exact plan, then rankWindow (a frequent
    // word's impact-ordered list when it can answer, FTS5 ranking every match otherwise).
    const parsed = parseQuery(request.q);
    const match = await exactMatch(this.db, parsed, initialismsOf(request.q), isNaturalQuery(request.q, parsed));
    if (!match) return { ids: [] };
    const ranked = await rankWindow(this.db, match, request, { limit: request.pageSize, offset: 0 });
    return { ids: ranked.map((r) => r.id) };
  }
}
