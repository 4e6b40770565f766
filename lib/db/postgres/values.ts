// How PostgreSQL's values come back to the app: as the same JavaScript values SQLite gives, so code
// above lib/db reads a row the same way on both engines. pg's defaults differ: 64-bit integers
// (COUNT, bigint ids) arrive as strings, numerics as strings, timestamps as Date objects. Here they
// are numbers and the ISO text SQLite stores ("2026-11-22T16:14:09.233+00:00", nowIso's form).
import 'server-only';
import pg from 'pg';
// One conversion of timestamps for both the app's connections and the write worker's (plain JavaScript).
import { isoTimestamp } from './sync-types.mjs';

export { isoTimestamp };

const INT8 = 20;
const NUMERIC = 1700;
const TIMESTAMP = 1114;
const TIMESTAMPTZ = 1184;

/** pg's type parsers for the app's connections (not the global ones, which Prisma's adapter shares). */
export const appTypes: pg.CustomTypesConfig = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (format === 'text' || format === undefined) {
      if (oid === INT8 || oid === NUMERIC) return (value: string) => Number(value);
      if (oid === TIMESTAMP || oid === TIMESTAMPTZ) return isoTimestamp;
    }
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;
