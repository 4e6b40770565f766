// PostgresStatement: a prepared statement of the PostgreSQL write path (write-db.ts), in the shape of
// better-sqlite3's Statement that the write functions use: run/get/all/iterate, pluck() and raw().
// Rows come back as better-sqlite3 gives them: objects by column name, or one value, or an array.
import 'server-only';
import type { QueryResult } from './sync-connection';

/** What statement.run() returns, as better-sqlite3 does. */
export interface RunResult {
  changes: number;
  lastInsertRowid: number;
}

/** What a statement needs of its connection (PostgresWriteDb): running a query, and knowing which INSERTs return an id. */
export interface StatementRunner {
  query(text: string, values?: unknown[]): QueryResult;
  /** The text run() sends for `text`: with `RETURNING id` when it inserts into a table with an integer id. */
  returningId(text: string): string;
}

export class PostgresStatement {
  private plucking = false;
  private rawRows = false;
  /** The text run() sends: an INSERT into a table with an integer id returns it, for lastInsertRowid. */
  private runText: string | undefined;

  constructor(
    private readonly db: StatementRunner,
    /** The statement as written (shared dialect). */
    readonly source: string,
    private readonly text: string,
  ) {}

  /** Each row as its first column's value only (better-sqlite3's pluck). */
  pluck(toggle = true): this {
    this.plucking = toggle;
    if (toggle) this.rawRows = false;
    return this;
  }

  /** Each row as an array of its values (better-sqlite3's raw). */
  raw(toggle = true): this {
    this.rawRows = toggle;
    if (toggle) this.plucking = false;
    return this;
  }

  run(...values: unknown[]): RunResult {
    this.runText ??= this.db.returningId(this.text);
    const result = this.db.query(this.runText, values);
    const ids = this.runText === this.text ? [] : result.rows;
    const last = ids.length > 0 ? Number(ids[ids.length - 1]![0]) : 0;
    return { changes: result.rowCount, lastInsertRowid: last };
  }

  get(...values: unknown[]): unknown {
    const result = this.db.query(this.text, values);
    return result.rows.length > 0 ? this.shape(result, result.rows[0]!) : undefined;
  }

  all(...values: unknown[]): unknown[] {
    const result = this.db.query(this.text, values);
    return result.rows.map((row) => this.shape(result, row));
  }

  /** All rows at once, then iterated: the write path's result sets are small. */
  *iterate(...values: unknown[]): IterableIterator<unknown> {
    yield* this.all(...values);
  }

  private shape(result: QueryResult, row: unknown[]): unknown {
    if (this.plucking) return row[0];
    if (this.rawRows) return row;
    const object: Record<string, unknown> = {};
    result.columns.forEach((column, i) => (object[column] = row[i]));
    return object;
  }
}
