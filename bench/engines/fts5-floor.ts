// The floor: the bare FTS5 query alone, through better-sqlite3, with the very MATCH expression the
// project builds (synonyms included; computed before timing). No join, no published filter, no
// weights, no facets: what any search over this index must pay at least.
import { createPrismaClient, type SqliteDb } from '@/lib/db';
import { expressionFor } from '@/lib/search/search-passages';
import { readOnlyConnection, SqliteFileEngine } from './sqlite-file';
import { PUBLIC_DOCUMENT } from './shared';
import type { EngineHits, EngineQuery } from './types';

export const FLOOR_SQL = 'SELECT rowid FROM passage_fts WHERE passage_fts MATCH ? ORDER BY rank LIMIT ?';

export class Fts5FloorEngine extends SqliteFileEngine<SqliteDb> {
  readonly name = 'fts5-floor';
  protected readonly note = 'the same index as project; filters are ignored (bare MATCH)';
  private readonly expressions = new Map<string, string | null>();

  protected open() {
    return readOnlyConnection(this.dbFile);
  }

  async prepare(queries: EngineQuery[]) {
    const prisma = createPrismaClient(`file:${this.dbFile}`);
    try {
      for (const { q } of queries) if (!this.expressions.has(q)) this.expressions.set(q, await expressionFor(prisma, q));
    } finally {
      await prisma.$disconnect();
    }
  }

  expression(q: string): string | null {
    if (!this.expressions.has(q)) throw new Error(`fts5-floor: no expression prepared for ${JSON.stringify(q)}`);
    return this.expressions.get(q)!;
  }

  async search(query: EngineQuery, limit: number): Promise<EngineHits> {
    const expression = this.expression(query.q);
    if (!expression) return { ids: [] };
    const rows = this.db.prepare(FLOOR_SQL).raw().all(expression, limit) as [number][];
    return { ids: rows.map((r) => r[0]) };
  }

  /** Untimed check: how many passages of published documents match, as the project's total counts them. */
  publishedMatches(q: string): number {
    const expression = this.expression(q);
    if (!expression) return 0;
    const row = this.db
      .prepare(
        `SELECT COUNT(*) AS n FROM passage_fts JOIN Passage p ON p.id = passage_fts.rowid JOIN Document d ON d.id = p.documentId
       WHERE passage_fts MATCH ? AND ${PUBLIC_DOCUMENT}`,
      )
      .get(expression) as { n: number };
    return row.n;
  }

  /** Untimed: the ids among the given ones that belong to published documents. */
  publishedIds(ids: number[]): Set<number> {
    if (ids.length === 0) return new Set();
    const rows = this.db
      .prepare(`SELECT p.id AS id FROM Passage p JOIN Document d ON d.id = p.documentId WHERE ${PUBLIC_DOCUMENT} AND p.id IN (${ids.map(() => '?').join(',')})`)
      .all(...ids) as { id: number }[];
    return new Set(rows.map((r) => r.id));
  }
}
