// PostgreSQL's reader: the QueryDb that search and reading code run their statements on, a pool of
// connections answering `$queryRaw`. Statements are written in the shared dialect (translate.ts);
// Prisma's `Sql.text` numbers the values already, so only the names are quoted here.
import 'server-only';
import pg from 'pg';
import { Prisma } from '@/lib/generated/prisma/client';
import type { QueryDb } from '../query';
import { withoutNul } from './lookup-values';
import { toPostgres } from './translate';
import { appTypes } from './values';

export interface PostgresReader extends QueryDb {
  /** Meaning-based search runs on it (postgres/vectors.ts: bit_count pre-selection, rescoring in JS). */
  readonly hasVectors: boolean;
  readonly pool: pg.Pool;
  /** No cheap signal of another server's commit here (SQLite has `data_version`): never "unchanged". */
  changeStamp(): null;
  close(): void;
}

export function openPostgresReader(url: string, max = 4): PostgresReader {
  const pool = new pg.Pool({ connectionString: url, max, types: appTypes });
  // An idle connection that breaks (an administrator ended it, the server restarted) is reported on
  // the pool, which lets it go; unheard, Node would end the whole process for it. The next statement
  // opens a fresh connection.
  pool.on('error', (error) => console.error(`A PostgreSQL reader connection was lost (the next statement opens another): ${error.message}`));
  const translated = new Map<string, string>();
  const text = (sql: Prisma.Sql) => {
    let out = translated.get(sql.text);
    if (out === undefined) translated.set(sql.text, (out = toPostgres(sql.text, { numberPlaceholders: false })));
    return out;
  };
  const $queryRaw = (async (query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
    const sql = query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values);
    const result = await pool.query(text(sql), withoutNul(sql.values as unknown[]));
    return result.rows;
  }) as QueryDb['$queryRaw'];
  return { $queryRaw, hasVectors: true, pool, changeStamp: () => null, close: () => void pool.end() };
}
