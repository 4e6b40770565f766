// Speakers' names and documents' titles that contain a piece of text: the names a prefix's words are
// read from (prefixes.ts). Kept in memory while the archive is unchanged and looked through there
// where the connection can tell (the SQLite reader's change stamp, PRAGMA data_version, as the result
// cache uses it); else asked of the database, which scans every title each time. At 1,000,000 passages
// (31,000 titles), timed alone: 5-7 ms a prefix from the database, 0.5 ms from the kept names (joined
// into one text), and 37-60 ms to read them all again after a commit (turning 31,000 titles into
// strings; about 1 s when the file is not in memory), which the second prefix searched since pays.
// Both ways find the same names: case is ignored in ASCII letters alone, as SQLite's lower() and LIKE
// ignore it.
import 'server-only';
import type { QueryDb } from '@/lib/db';
import { changeStampOf } from './result-cache';

interface Name {
  name: string;
  /** With ASCII capitals in lower case, as SQLite's lower() gives it. */
  lowered: string;
}

/**
 * The kept names, and their lower-case forms joined into one text, each after SEPARATOR, where one
 * indexOf finds the next name holding a piece: over 2,000 prefixes at 1,000,000 passages (31,000
 * titles), 1.3 -> 0.5 ms a prefix, from one includes() for each name (100,000 passages: 0.14 ->
 * 0.06). Null `joined` when a name holds SEPARATOR itself: then each is searched.
 */
interface KeptNames {
  names: Name[];
  joined: string | null;
  /** Where each name's lower-case form starts in `joined`. */
  starts: number[];
}

/** No name or title is written with it (a control character): a piece found across it would span two names. */
const SEPARATOR = '\u0000';

const asciiLowerCase = (text: string) => text.replace(/[A-Z]+/g, (capitals) => capitals.toLowerCase());

/**
 * Per connection: the stamp the names were asked for under, and the names once read. They are read to
 * be kept only the second time they are asked for under one stamp: while an import or the embedder
 * commits between every two searches, a read of every name would cost more than the one scan it
 * replaces, and be dropped unused.
 */
const kept = new WeakMap<QueryDb, { stamp: number; names: Promise<KeptNames> | null }>();

/** The kept names, or null: where the connection cannot tell when the archive changes, and the first time they are asked for since it did. */
function keptNames(db: QueryDb): Promise<KeptNames> | null {
  const stamp = changeStampOf(db);
  if (stamp === null) return null;
  const known = kept.get(db);
  if (!known || known.stamp !== stamp) {
    kept.set(db, { stamp, names: null });
    return null;
  }
  if (!known.names) {
    const names = everyName(db).then(joinNames);
    known.names = names;
    // A failed read is not kept: the next search asks the database and tries again after.
    names.catch(() => known.names === names && (known.names = null));
  }
  return known.names;
}

/**
 * The names (speakers', then documents' titles) that contain `piece` (lower case, without `%`, `_`
 * or `\`), ignoring the case of ASCII letters; null when there are more than `most`.
 */
export async function namesContaining(db: QueryDb, piece: string, most: number): Promise<string[] | null> {
  const reading = keptNames(db);
  if (reading === null) return namesFromDatabase(db, piece, most);
  const { names, joined, starts } = await reading;
  const found: string[] = [];
  if (joined === null || piece === '' || piece.includes(SEPARATOR)) {
    for (const { name, lowered } of names) {
      if (!lowered.includes(piece)) continue;
      if (found.length === most) return null;
      found.push(name);
    }
    return found;
  }
  // A find lies within one name (the piece has no separator): the name that starts last before it.
  for (let at = joined.indexOf(piece); at !== -1;) {
    const index = lastStartAtOrBefore(starts, at);
    if (found.length === most) return null;
    found.push(names[index]!.name);
    // On past this name: it is found once, however often it holds the piece.
    at = index + 1 < starts.length ? joined.indexOf(piece, starts[index + 1]!) : -1;
  }
  return found;
}

function joinNames(names: Name[]): KeptNames {
  const starts: number[] = [];
  let length = 0;
  for (const { lowered } of names) {
    starts.push(length + SEPARATOR.length);
    length += SEPARATOR.length + lowered.length;
  }
  const joinable = names.every(({ lowered }) => !lowered.includes(SEPARATOR));
  return { names, joined: joinable ? names.map(({ lowered }) => SEPARATOR + lowered).join('') : null, starts };
}

/** The index of the last of the ascending `starts` at or before `at` (the first is at or before every find). */
function lastStartAtOrBefore(starts: number[], at: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (starts[middle]! <= at) low = middle;
    else high = middle - 1;
  }
  return low;
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
