// The project's own search, called exactly as the API route calls it (no HTTP): searchPassages on
// lib/db's read-only reader, as lib/data/search.ts uses it, in one of its modes: 'hybrid' (what
// readers get: lexical and meaning-based ranks fused), or 'lexical' / 'vector' alone, so the
// evaluation and the benchmark can say what each side brings and costs. "project-rank" runs only the ranked-page
// query the project builds (its own matchedRows/filterSql, no facets, no snippets, no typo retry),
// to show what facets and hit details cost on top.
import { createPrismaClient, openReader, type Reader } from '@/lib/db';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { filterSql, matchedRows } from '@/lib/search/filters';
import { expressionFor, searchPassages } from '@/lib/search/search-passages';
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

  protected open() {
    const reader = openReader(this.dbFile);
    return { value: reader, close: () => reader.close() };
  }

  async search(query: EngineQuery, limit: number): Promise<EngineHits> {
    const response = await searchPassages(this.db, requestFor(query, limit, this.mode));
    return {
      ids: response.hits.map((h) => h.passageId),
      total: response.total,
      didYouMean: response.didYouMean,
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
    const expression = await expressionFor(this.db, request.q);
    if (!expression) return { ids: [] };
    // The ranked-page statement of search-passages.ts (rankedPage), built from the same exported parts.
    const rows = await this.db.$queryRaw<{ id: number | bigint }[]>`
      SELECT x.id AS id FROM (${matchedRows(expression, request, true)}) x
      WHERE ${filterSql(request)}
      ORDER BY x.rank, x.publishedOn DESC, x.id, x.position
      LIMIT ${request.pageSize} OFFSET ${0}`;
    return { ids: rows.map((r) => Number(r.id)) };
  }
}
