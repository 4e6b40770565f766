// The engine-specific statements of this process's database (DATABASE_URL): one engine a process, so
// the choice is made once, when the app first asks. Tests of one engine's statements import them
// from its folder directly.
import 'server-only';
import { env } from '@/lib/env';
import type { FullTextStatements } from './full-text';
import { sql, type Sql } from './query';
import { engineOf } from './engine';
import { postgresFullText } from './postgres/full-text';
import { postgresVectors } from './postgres/vectors';
import { sqliteFullText } from './sqlite/full-text';
import { jsonIds } from './sqlite/json-ids';
import { sqliteVectors } from './sqlite/vectors';
import type { VectorStatements } from './vectors';

const onPostgres = engineOf(env.DATABASE_URL) === 'postgresql';

/** Full-text search: FTS5 on SQLite, tsvector and GIN on PostgreSQL. */
export const fullText: FullTextStatements = onPostgres ? postgresFullText : sqliteFullText;

/** Meaning-based search: an in-memory sign index and sqlite-vec on SQLite, bit_count over bit strings on PostgreSQL. */
export const vectors: VectorStatements = onPostgres ? postgresVectors : sqliteVectors;

/**
 * The text of `key` in a JSON object stored as text (a revision's snapshot), or NULL: SQLite's
 * json_extract, PostgreSQL's ->> on the text read as jsonb. `key` is a plain field name.
 */
export function jsonField(json: Sql, key: string): Sql {
  return onPostgres ? sql`(CAST(${json} AS jsonb) ->> ${key})` : sql`json_extract(${json}, ${`$.${key}`})`;
}

/**
 * `ids` as a subquery of one column, bound as one value (a JSON array): SQLite's json_each,
 * PostgreSQL's json_array_elements_text. A statement with one placeholder per id has a new text for
 * every count of ids, so it is prepared afresh each time (SQLite: 1.3 ms for a count's sample of 2,000
 * ids, and the facets of that sample took 13-15 ms where this takes 8).
 */
export function idList(ids: readonly number[]): Sql {
  return onPostgres ? sql`SELECT CAST(value AS integer) FROM json_array_elements_text(CAST(${JSON.stringify(ids)} AS json))` : jsonIds(ids);
}
