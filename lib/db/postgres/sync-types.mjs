// The type parsers of the write path's pg connections, in plain JavaScript because the worker thread
// that holds those connections (sync-worker.mjs) is started by file path, outside any TypeScript
// loader or bundler. They give the values better-sqlite3 gives, so the editorial code written against
// SQLite reads a row the same way on both engines: the same as values.ts's appTypes (int8/numeric →
// number, timestamps → SQLite's ISO text; tests/integration/db/postgres-writer.test.ts checks that
// both agree), and, as SQLite has no boolean type, booleans → 1/0.
import pg from 'pg';

const BOOL = 16;
const INT8 = 20;
const NUMERIC = 1700;
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;

/** PostgreSQL's text form of a timestamp ("2026-11-22 16:14:09.233" or with "+00") as SQLite's ISO text. */
export function isoTimestamp(text) {
  const hasZone = /[+-]\d\d(:?\d\d)?$/.test(text);
  const date = new Date(hasZone ? text.replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00') : `${text.replace(' ', 'T')}Z`);
  return date.toISOString().replace('Z', '+00:00');
}

/** pg's `types` option for the write path's clients (never pg's global parsers, which Prisma's adapter shares). */
export const writeTypes = {
  getTypeParser(oid, format) {
    if (format === 'text' || format === undefined) {
      if (oid === INT8 || oid === NUMERIC) return (value) => Number(value);
      if (oid === TIMESTAMP || oid === TIMESTAMPTZ) return isoTimestamp;
      if (oid === BOOL) return (value) => (value === 't' ? 1 : 0);
    }
    return pg.types.getTypeParser(oid, format);
  },
};
