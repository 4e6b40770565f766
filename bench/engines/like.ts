// The naive baseline: LIKE '%word%' over Passage.text, one condition per word (a quoted phrase is one
// '%the words%'; OR and -exclusions as OR / NOT LIKE), passages of public documents, the same
// filters in SQL, the first 10 rows the scan meets (no ORDER BY, so a common word stops early).
// No index can help a leading wildcard: a rare word scans every passage.
import type { SqliteDb } from '@/lib/db';
import { parsePartialDate } from '@/lib/dates';
import { readOnlyConnection, SqliteFileEngine } from './sqlite-file';
import { parseQuery, PUBLIC_DOCUMENT, type QueryTerm } from './shared';
import type { EngineHits, EngineQuery } from './types';

const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`);

export function likeSql(query: EngineQuery, limit: number): { sql: string; params: (string | number)[] } | null {
  const parsed = parseQuery(query.q);
  if (parsed.groups.length === 0) return null;
  const params: (string | number)[] = [];
  const termSql = (term: QueryTerm) => {
    // A quoted phrase is one pattern; otherwise each word is its own (the naive reading of "words").
    const patterns = term.words.length > 1 && term.quoted ? [term.words.join(' ')] : term.words;
    return `(${patterns
      .map((p) => {
        params.push(`%${escapeLike(p)}%`);
        return `p.text LIKE ? ESCAPE '\\'`;
      })
      .join(' AND ')})`;
  };
  const conditions = parsed.groups.map((group) => `(${group.map(termSql).join(' OR ')})`);
  for (const term of parsed.excluded) conditions.push(`NOT ${termSql(term)}`);
  const f = query.filters;
  if (f.speaker) {
    conditions.push('p.speakerId = (SELECT id FROM Speaker WHERE slug = ?)');
    params.push(f.speaker);
  }
  if (f.topic) {
    conditions.push('EXISTS (SELECT 1 FROM PassageTopic pt JOIN Topic t ON t.id = pt.topicId WHERE pt.passageId = p.id AND t.slug = ?)');
    params.push(f.topic);
  }
  if (f.kind) {
    conditions.push('p.kind = ?');
    params.push(f.kind);
  }
  if (f.from) {
    conditions.push('d.publishedUntil >= ?');
    params.push(parsePartialDate(f.from)!.start);
  }
  if (f.to) {
    conditions.push('d.publishedOn <= ?');
    params.push(parsePartialDate(f.to)!.end);
  }
  params.push(limit);
  const sql = `SELECT p.id FROM Passage p JOIN Document d ON d.id = p.documentId
    WHERE ${PUBLIC_DOCUMENT} AND ${conditions.join(' AND ')} LIMIT ?`;
  return { sql, params };
}

export class LikeEngine extends SqliteFileEngine<SqliteDb> {
  readonly name = 'like';
  protected readonly note = 'no index: a full scan of Passage.text per query (the FTS tables are unused)';

  protected open() {
    return readOnlyConnection(this.dbFile);
  }

  async search(query: EngineQuery, limit: number): Promise<EngineHits> {
    const built = likeSql(query, limit);
    if (!built) return { ids: [] };
    const rows = this.db
      .prepare(built.sql)
      .raw()
      .all(...built.params) as [number][];
    return { ids: rows.map((r) => r[0]) };
  }
}
