// Speakers' names and documents' titles that contain a piece of text: the names a prefix's words are
// read from (prefixes.ts). Kept in memory while the archive is unchanged (kept-while-unchanged.ts) and
// looked through there where the connection can tell; else asked of the database, which scans every
// title each time. At 1,000,000 passages (31,000 titles), timed alone: 5-7 ms a prefix from the
// database, 1-3 ms from the kept names, and 37-60 ms to read them all again after a commit (turning
// 31,000 titles into strings; about 1 s when the file is not in memory), which the second prefix
// searched since pays. Both ways find the same names: case is ignored in ASCII letters alone, as
// SQLite's lower() and LIKE ignore it.
import 'server-only';
import type { QueryDb } from '@/lib/db';
import { keptWhileUnchanged } from './kept-while-unchanged';

interface Name {
  name: string;
  /** With ASCII capitals in lower case, as SQLite's lower() gives it. */
  lowered: string;
}

const asciiLowerCase = (text: string) => text.replace(/[A-Z]+/g, (capitals) => capitals.toLowerCase());

/**
 * The names (speakers', then documents' titles) that contain `piece` (lower case, without `%`, `_`
 * or `\`), ignoring the case of ASCII letters; null when there are more than `most`.
 */
export async function namesContaining(db: QueryDb, piece: string, most: number): Promise<string[] | null> {
  const kept = keptWhileUnchanged(db, 'names', () => everyName(db));
  if (kept === null) return namesFromDatabase(db, piece, most);
  const found: string[] = [];
  for (const { name, lowered } of await kept) {
    if (!lowered.includes(piece)) continue;
    if (found.length === most) return null;
    found.push(name);
  }
  return found;
}

/** Speakers' names, then documents' titles, in the order the database keeps them, each with its lower-case form. */
async function everyName(db: QueryDb): Promise<Name[]> {
  const rows = await db.$queryRaw<{ name: string }[]>`
    SELECT name FROM (SELECT s.name AS name, 0 AS part, s.id AS id FROM Speaker s UNION ALL SELECT d.title, 1, d.id FROM Document d) AS names
    ORDER BY part, id`;
  return rows.map(({ name }) => ({ name, lowered: asciiLowerCase(name) }));
}

async function namesFromDatabase(db: QueryDb, piece: string, most: number): Promise<string[] | null> {
  // A coarse cut (a name with an accented capital where the piece starts is not seen); the caller
  // makes the exact one on the words.
  const pattern = `%${piece}%`;
  const rows = await db.$queryRaw<{ name: string }[]>`
    SELECT name FROM (
      SELECT s.name AS name FROM Speaker s WHERE lower(s.name) LIKE ${pattern}
      UNION ALL
      SELECT d.title AS name FROM Document d WHERE lower(d.title) LIKE ${pattern}
    ) AS names LIMIT ${most + 1}`;
  return rows.length > most ? null : rows.map((row) => row.name);
}
