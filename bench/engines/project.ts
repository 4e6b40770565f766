// The project's own search, called exactly as the API route calls it (no HTTP): searchPassages on
// the read-only connection lib/data/search.ts uses. "project-rank" runs only the ranked-page query the
// project builds (its own matchedRows/filterSql, no facets, no snippets, no typo retry), to show
// what facets and hit details cost on top.
import { statSync } from 'node:fs';
import { createPrismaClient, openReader, type Reader } from '@/lib/db';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { filterSql, matchedRows } from '@/lib/search/filters';
import { expressionFor, searchPassages } from '@/lib/search/search-passages';
import type { SearchRequest } from '@/lib/search/types';
import type { BuildStats, Engine, EngineHits, EngineQuery } from './types';

export function requestFor(query: EngineQuery, limit: number): SearchRequest {
  return { q: query.q, ...query.filters, page: 1, pageSize: limit };
}

export function sqliteBuildStats(dbFile: string, loadMs: number, notes: string[] = []): BuildStats {
  return { buildMs: loadMs, indexBytes: statSync(dbFile).size, indexBytesKind: 'disk', notes };
}

export class ProjectEngine implements Engine {
  readonly name = 'project';
  private reader: Reader | null = null;

  constructor(
    private readonly dbFile: string,
    private readonly loadMs: number,
  ) {}

  async build(): Promise<BuildStats> {
    this.reader = openReader(this.dbFile);
    return sqliteBuildStats(this.dbFile, this.loadMs, ['index built by the FTS5 triggers during the corpus load']);
  }

  async search(query: EngineQuery, limit: number): Promise<EngineHits> {
    const response = await searchPassages(this.reader!, requestFor(query, limit));
    return { ids: response.hits.map((h) => h.passageId), total: response.total, didYouMean: response.didYouMean };
  }

  async close() {
    this.reader?.close();
  }
}

export class ProjectRankEngine implements Engine {
  readonly name = 'project-rank';
  private prisma: PrismaClient | null = null;

  constructor(
    private readonly dbFile: string,
    private readonly loadMs: number,
  ) {}

  async build(): Promise<BuildStats> {
    this.prisma = createPrismaClient(`file:${this.dbFile}`);
    await this.prisma.$connect();
    return sqliteBuildStats(this.dbFile, this.loadMs, ['the same index as project']);
  }

  async search(query: EngineQuery, limit: number): Promise<EngineHits> {
    const request = requestFor(query, limit);
    const expression = await expressionFor(this.prisma!, request.q);
    if (!expression) return { ids: [] };
    // The ranked-page statement of search-passages.ts (rankedPage), built from the same exported parts.
    const rows = await this.prisma!.$queryRaw<{ id: number | bigint }[]>`
      SELECT x.id AS id FROM (${matchedRows(expression, request, true)}) x
      WHERE ${filterSql(request)}
      ORDER BY x.rank, x.publishedOn DESC, x.id, x.position
      LIMIT ${request.pageSize} OFFSET ${0}`;
    return { ids: rows.map((r) => Number(r.id)) };
  }

  async close() {
    await this.prisma?.$disconnect();
  }
}
