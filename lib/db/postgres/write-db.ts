// PostgresWriteDb: the write path's connection on PostgreSQL, in the shape of better-sqlite3's Database
// that the write functions use (WriteDb). Exactly the subset code outside lib/db uses on a WriteDb
// (inventoried with grep, December 2026):
//
//   db.prepare(sql) → statement.run/get/all/iterate(...values), statement.pluck(), statement.raw()
//   db.exec(sql), db.pragma('user_version' | 'user_version = n' | 'defer_foreign_keys = ON', { simple })
//   db.transaction(fn) (with .immediate/.deferred/.exclusive), db.open, db.inTransaction, db.name, db.close()
//
// Statements are written in the shared dialect and translated (translate.ts: mixed-case names quoted,
// `?` numbered). Values come back as better-sqlite3 gives them (sync-types.mjs). Each call blocks until
// PostgreSQL answered (sync-connection.ts explains why that is acceptable for writes).
import 'server-only';
import { PostgresError, SyncConnection, type QueryResult } from './sync-connection';
import { toPostgres } from './translate';
import { PostgresStatement, type StatementRunner } from './write-statement';
import { USER_VERSION_TABLE } from './user-version';

/**
 * The one advisory lock every write transaction takes first, in every process: one writer at a time
 * across the whole database, as SQLite's BEGIN IMMEDIATE gives (so read-check-write code such as the
 * editorial layer's optimistic versions stays correct under PostgreSQL's READ COMMITTED).
 */
export const WRITE_LOCK_KEY = 1_330_013_013;

/** `INSERT INTO Table …` (optionally `OR IGNORE`-less, quoted or not): the table it inserts into. */
const INSERT_TABLE = /^\s*INSERT\s+INTO\s+"?([A-Za-z_][A-Za-z0-9_]*)"?/i;

type TransactionFn<A extends unknown[], T> = ((...args: A) => T) & {
  deferred: (...args: A) => T;
  immediate: (...args: A) => T;
  exclusive: (...args: A) => T;
};

export class PostgresWriteDb implements StatementRunner {
  private readonly connection: SyncConnection;
  private depth = 0;
  /** Per table: whether it has an integer `id` column (its INSERTs then return it). */
  private readonly integerIds = new Map<string, boolean>();
  private userVersionReady = false;

  /** `lockTimeoutMs`: how long a transaction waits for another writer's lock before failing (SQLite's busy_timeout). */
  constructor(
    readonly name: string,
    { lockTimeoutMs = 5000 }: { lockTimeoutMs?: number } = {},
  ) {
    this.connection = new SyncConnection(name, [`SET lock_timeout = ${Math.max(0, Math.floor(lockTimeoutMs))}`]);
  }

  get open(): boolean {
    return this.connection.open;
  }

  get inTransaction(): boolean {
    return this.depth > 0;
  }

  /** Runs one statement already in PostgreSQL's dialect. Booleans and Buffers pass as they are; undefined is NULL. */
  query(text: string, values: unknown[] = []): QueryResult {
    return this.connection.query(
      text,
      values.map((value) => (value === undefined ? null : value)),
    );
  }

  prepare(source: string): PostgresStatement {
    return new PostgresStatement(this, source, toPostgres(source));
  }

  /** Statements without values, several at once. */
  exec(source: string): this {
    this.connection.exec(toPostgres(source, { numberPlaceholders: false }));
    return this;
  }

  /** The pragmas the write path uses; anything else is SQLite's alone and refused by name. */
  pragma(source: string, options: { simple?: boolean } = {}): unknown {
    const text = source.trim().toLowerCase();
    const set = /^user_version\s*=\s*(-?\d+)$/.exec(text);
    if (text === 'user_version') {
      const version = this.readUserVersion();
      return options.simple ? version : [{ user_version: version }];
    }
    if (set) {
      this.writeUserVersion(Number(set[1]));
      return [];
    }
    // Foreign keys checked at COMMIT: PostgreSQL can only defer the constraints declared DEFERRABLE.
    if (text === 'defer_foreign_keys = on') {
      this.connection.exec('SET CONSTRAINTS ALL DEFERRED');
      return [];
    }
    throw new Error(`PRAGMA ${source} is SQLite's: the PostgreSQL write path has no equivalent.`);
  }

  /**
   * better-sqlite3's transaction(): the returned function runs `fn` in a transaction (a savepoint when
   * one is open already), commits when it returns, rolls back and rethrows when it throws. Every
   * outermost transaction first takes the write lock (WRITE_LOCK_KEY), whatever its flavour.
   */
  transaction<A extends unknown[], T>(fn: (...args: A) => T): TransactionFn<A, T> {
    const run = (...args: A): T => (this.depth > 0 ? this.inSavepoint(() => fn(...args)) : this.inTransactionOf(() => fn(...args)));
    return Object.assign(run, { deferred: run, immediate: run, exclusive: run });
  }

  close(): void {
    this.connection.close();
  }

  /** The text run() sends for `text`: with `RETURNING id` when it inserts into a table with an integer id. */
  returningId(text: string): string {
    const table = INSERT_TABLE.exec(text)?.[1];
    if (!table || /\bRETURNING\b/i.test(text)) return text;
    let hasId = this.integerIds.get(table);
    if (hasId === undefined) {
      hasId =
        this.query(
          `SELECT 1 FROM information_schema.columns
           WHERE table_schema = current_schema() AND table_name = $1 AND column_name = 'id' AND data_type IN ('integer', 'bigint', 'smallint')`,
          [table],
        ).rows.length > 0;
      this.integerIds.set(table, hasId);
    }
    return hasId ? `${text.replace(/[\s;]+$/, '')} RETURNING id` : text;
  }

  private inTransactionOf<T>(fn: () => T): T {
    this.connection.exec('BEGIN');
    this.depth = 1;
    try {
      this.query('SELECT pg_advisory_xact_lock($1)', [WRITE_LOCK_KEY]);
      const result = fn();
      // PostgreSQL ends a transaction in which a statement failed with ROLLBACK, even when asked to
      // COMMIT, and says so only in the answer's tag: a caller that caught that statement's error
      // must not be told its work was saved.
      if (this.connection.exec('COMMIT') === 'ROLLBACK')
        throw new PostgresError('The transaction was rolled back: a statement in it had failed, so nothing was saved.');
      return result;
    } catch (error) {
      // After a failed COMMIT the transaction is over already; ROLLBACK then only warns. A ROLLBACK
      // that fails (the connection lost) must not hide the error that stopped the write.
      if (this.open) {
        try {
          this.connection.exec('ROLLBACK');
        } catch {
          // The original error says what went wrong; a lost connection has rolled back on its own.
        }
      }
      throw error;
    } finally {
      this.depth = 0;
    }
  }

  private inSavepoint<T>(fn: () => T): T {
    const name = `write_${this.depth}`;
    this.connection.exec(`SAVEPOINT ${name}`);
    this.depth++;
    try {
      const result = fn();
      this.connection.exec(`RELEASE ${name}`);
      return result;
    } catch (error) {
      this.connection.exec(`ROLLBACK TO ${name}; RELEASE ${name}`);
      throw error;
    } finally {
      this.depth--;
    }
  }

  /** Whether migration 20261202090000_bookkeeping made the table. Once seen, it stays (nothing drops it). */
  private hasUserVersionTable(): boolean {
    this.userVersionReady ||= Boolean(this.query(`SELECT to_regclass('${USER_VERSION_TABLE}') IS NOT NULL`).rows[0]![0]);
    return this.userVersionReady;
  }

  /** An unmigrated database reads 0, as a new SQLite file does. */
  private readUserVersion(): number {
    if (!this.hasUserVersionTable()) return 0;
    return Number(this.query(`SELECT version FROM ${USER_VERSION_TABLE} WHERE id = 1`).rows[0]?.[0] ?? 0);
  }

  private writeUserVersion(version: number): void {
    if (!this.hasUserVersionTable()) {
      throw new Error(`${USER_VERSION_TABLE} is missing: the database is not migrated (npm run db:migrate, or start the app once)`);
    }
    this.query(`INSERT INTO ${USER_VERSION_TABLE} (id, version) VALUES (1, $1) ON CONFLICT (id) DO UPDATE SET version = excluded.version`, [version]);
  }
}
