// What the engines on the SQLite file itself share (project, project-rank, fts5-floor, like): their
// index is the file the corpus load wrote, so "building" only opens a connection to it.
import { statSync } from 'node:fs';
import { openReadOnlyDatabase, tuneForSearch, type SqliteDb } from '@/lib/db';
import type { BuildStats, Engine, EngineHits, EngineQuery } from './types';

export interface Connection<C> {
  value: C;
  close(): unknown;
}

export abstract class SqliteFileEngine<C> implements Engine {
  abstract readonly name: string;
  /** Said in the report about how this engine uses the file. */
  protected abstract readonly note: string;
  private connection: Connection<C> | null = null;

  constructor(
    protected readonly dbFile: string,
    private readonly loadMs: number,
  ) {}

  protected abstract open(): Connection<C> | Promise<Connection<C>>;

  /** The connection opened by build(). */
  protected get db(): C {
    if (!this.connection) throw new Error(`${this.name}: search before build`);
    return this.connection.value;
  }

  async build(): Promise<BuildStats> {
    this.connection = await this.open();
    return { buildMs: this.loadMs, indexBytes: statSync(this.dbFile).size, indexBytesKind: 'disk', notes: [this.note] };
  }

  abstract search(query: EngineQuery, limit: number): Promise<EngineHits>;

  async close() {
    await this.connection?.close();
    this.connection = null;
  }
}

/** A plain read-only connection to the file, for the engines that send their own SQL, with the project's search page cache (a fair floor). */
export function readOnlyConnection(file: string): Connection<SqliteDb> {
  const db = openReadOnlyDatabase(file);
  tuneForSearch(db);
  return { value: db, close: () => db.close() };
}
