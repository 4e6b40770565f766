// A read-only better-sqlite3 connection that answers `$queryRaw` tagged templates, with a cache of
// prepared statements. Measured on the benchmark corpus, a search's few small statements cost
// ~160 ms through Prisma's driver adapter and under 2 ms as cached prepared statements here;
// search is read-only, so it needs nothing Prisma adds.
import 'server-only';
import type { Statement } from 'better-sqlite3';
import { Prisma } from '@/lib/generated/prisma/client';
import type { QueryDb } from '../query';
import { loadVectorFunctions, openReadOnlyDatabase, tuneForSearch } from './connection';
import { indexStemsOf } from './index-stems';
import { oneReadOf } from './one-read';
import { passageSnippetsOf } from './passage-snippets';
import { passageTermCountsOf } from './passage-terms';

export interface Reader extends QueryDb {
  /** Whether meaning-based search's vector functions (sqlite-vec) are loaded on this connection. */
  readonly hasVectors: boolean;
  /**
   * A number that moves whenever another connection commits to the archive (SQLite's
   * `PRAGMA data_version`, which reads no page), so that what was read before can be known to be
   * still true; null where the engine offers no such signal (PostgreSQL's reader). Within a search's
   * read (inOneRead), the stamp of that read, which does not move.
   */
  changeStamp(): number | null;
  /** How many prepared statements the connection keeps for reuse (SQLite's reader; see MOST_VALUES_KEPT). */
  keptStatements?(): number;
  close(): void;
}

/**
 * A statement with more values than this is prepared for its one use and not kept. Such statements
 * carry lists of ids whose length changes from search to search, so each kept one would be a
 * statement of its own, seldom used again: 0.5 MiB each with 2,000 ids, which a server answering
 * varied searches would pile up without end. Preparing one costs 1.3 ms (2,000 ids) and 0.09 ms (100).
 * The long lists (a count's sample, a ranking list's look-ups) are bound as one JSON value now
 * (lib/db's idList), so their statements are kept; this guards whatever binds a list id by id.
 */
export const MOST_VALUES_KEPT = 100;

export interface ReaderOptions {
  /**
   * Each search's statements in one read transaction (one-read.ts). Only for a connection that does
   * nothing but search (a search thread's, whose searches overlap while one waits on its sentence
   * encoder): anything else read on it while a search's read is open would read that moment, its change
   * stamp too, so a cache checked by the stamp would take a commit since for none. The thread's
   * background read of the facet columns shares it safely: it reads its stamp and its rows together.
   */
  oneRead?: boolean;
}

export function openReader(file: string, options: ReaderOptions = {}): Reader {
  const db = openReadOnlyDatabase(file);
  tuneForSearch(db);
  const hasVectors = loadVectorFunctions(db);
  const statements = new Map<string, Statement>();
  const prepared = (sql: string, values: number) => {
    if (values > MOST_VALUES_KEPT) return db.prepare(sql);
    let statement = statements.get(sql);
    if (!statement) {
      statement = db.prepare(sql);
      statements.set(sql, statement);
    }
    return statement;
  };
  const $queryRaw = ((query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]) => {
    const sql = query instanceof Prisma.Sql ? query : Prisma.sql(query, ...values);
    return Promise.resolve(prepared(sql.sql, sql.values.length).all(...(sql.values as unknown[])));
  }) as QueryDb['$queryRaw'];
  // Prepared once: db.pragma() prepares the statement on every call (80 µs a search under load).
  const dataVersion = db.prepare('PRAGMA data_version').pluck();
  // Closed, the connection has no stamp: nothing read from it is kept (a read of the facet columns
  // under way when it closed ends quietly at its next slice).
  const changeStamp = () => (db.open ? (dataVersion.get() as number) : null);
  return {
    $queryRaw,
    indexStems: indexStemsOf(db),
    passageTermCounts: passageTermCountsOf(db),
    passageSnippets: passageSnippetsOf(db),
    ...(options.oneRead ? { inOneRead: oneReadOf(db) } : {}),
    hasVectors,
    changeStamp,
    keptStatements: () => statements.size,
    close: () => db.close(),
  };
}
