// What reading code asks of a connection: Prisma's `$queryRaw` shape (tagged templates or `sql`
// values, every value a bound parameter). The Prisma client answers it on any engine and lib/db's
// read-only reader answers it too, so code written against QueryDb never knows which one runs it.
import 'server-only';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';

export type QueryDb = Pick<PrismaClient, '$queryRaw'> & {
  /**
   * Each word as the search indexes hold it (its stem), where the connection can tell: SQLite's
   * reader asks FTS5's own tokenizer (sqlite/index-stems.ts). Absent elsewhere; callers then take
   * every word as its own.
   */
  indexStems?: IndexStems;
  /** Where the connection can tell (SQLite's reader: sqlite/passage-terms.ts), how often terms of the index occur in a few passages' columns. */
  passageTermCounts?: PassageTermCounts;
  /** Where the connection can tell (SQLite's reader: sqlite/passage-snippets.ts), a page's snippets marked on its passages alone. */
  passageSnippets?: PassageSnippets;
  /** Where the connection was opened for searches alone (a search thread's SQLite reader: sqlite/one-read.ts), runs a search's statements in one read transaction. */
  inOneRead?: InOneRead;
};

/** Words in, their terms as the search indexes hold them out, in order, joined by a space ('' for a word with none). */
export type IndexStems = (words: readonly string[]) => string[];

/** Runs `read` in one read transaction of the connection (sqlite/one-read.ts), and resolves with its result. */
export type InOneRead = <T>(read: () => Promise<T>) => Promise<T>;

/**
 * For each passage given (its columns as the passage index reads them: text, speaker, title), how
 * often each of `terms` (as the index holds them) occurs in each column; a term it lacks is absent.
 */
export type PassageTermCounts = (
  passages: readonly { id: number; columns: readonly [string, string, string] }[],
  terms: readonly string[],
) => Map<number, Map<string, [number, number, number]>>;

/**
 * The snippets of `passages` (their columns as the passage index reads them), each group's passages
 * marked for its expression: what the index's snippets statement gives for them.
 */
export type PassageSnippets = (
  passages: readonly { id: number; columns: readonly [string, string, string] }[],
  groups: readonly { expression: string; ids: readonly number[] }[],
  marks: { open: string; close: string },
  tokens: number,
) => { id: number; snippet: string }[];

/** A statement or fragment with bound values; `sql`, `join` and `empty` build them. */
export type Sql = Prisma.Sql;
export const sql = Prisma.sql;
export const join = Prisma.join;
export const empty = Prisma.empty;

/** Integers may arrive as bigint (SQLite through the driver adapter, PostgreSQL's COUNT); callers speak numbers. */
export const num = (value: number | bigint | null | undefined): number => Number(value ?? 0);
