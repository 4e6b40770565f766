// Which engine a DATABASE_URL names: a `file:` address is SQLite (the default, one file), a
// `postgresql://` (or `postgres://`) address is a PostgreSQL server. Everything engine-specific
// dispatches on this, in lib/db only.
export type Engine = 'sqlite' | 'postgresql';

export function engineOf(url: string): Engine {
  if (url.startsWith('file:')) return 'sqlite';
  if (/^postgres(ql)?:\/\//.test(url)) return 'postgresql';
  throw new Error(`DATABASE_URL names no engine this archive runs on: use file:./data/archive.db (SQLite) or postgresql://user@host:port/name (PostgreSQL).`);
}

/** Whether a target (databaseTarget's answer: a SQLite file path or a PostgreSQL address) is PostgreSQL's. */
export const isPostgresUrl = (target: string): boolean => /^postgres(ql)?:\/\//.test(target);
