// Speakers' names and documents' titles that contain a piece of text: the names a prefix's words are
// read from (prefixes.ts). A connection that can tell when the archive changed (the SQLite reader's
// changeStamp) keeps every name in memory and looks through them there; any other asks the database.
// Reading them from the database scans every title each time: a prefix at 1,000,000 passages (31,000
// titles) cost 6-9 ms, where the kept names are looked through in about 1 ms.
import 'server-only';
import type { QueryDb } from '@/lib/db';

/** A connection that says when another has committed (lib/db/sqlite/reader.ts): what it read is true while the stamp is unchanged. */
type Stamped = QueryDb & { changeStamp(): number | null };

interface KeptNames {
  stamp: number;
  /** Speakers' names, then documents' titles, each with its lower-case form. */
  names: { name: string; lowered: string }[];
}

const kept = new WeakMap<QueryDb, KeptNames>();

const isStamped = (db: QueryDb): db is Stamped => typeof (db as Partial<Stamped>).changeStamp === 'function';

/**
 * The names (speakers', then documents' titles) that contain `piece` (lower case, without `%`, `_`
 * or `\`), ignoring case; null when there are more than `most`.
 */
export async function namesContaining(db: QueryDb, piece: string, most: number): Promise<string[] | null> {
  const names = await keptNames(db);
  if (names === null) return namesFromDatabase(db, piece, most);
  const found: string[] = [];
  for (const { name, lowered } of names) {
    if (!lowered.includes(piece)) continue;
    if (found.length === most) return null;
    found.push(name);
  }
  return found;
}

async function keptNames(db: QueryDb): Promise<KeptNames['names'] | null> {
  if (!isStamped(db)) return null;
  const stamp = db.changeStamp();
  if (stamp === null) return null;
  const known = kept.get(db);
  if (known && known.stamp === stamp) return known.names;
  const rows = await db.$queryRaw<{ name: string }[]>`
    SELECT name FROM (SELECT s.name AS name, 0 AS part, s.id AS id FROM Speaker s UNION ALL SELECT d.title, 1, d.id FROM Document d) AS names
    ORDER BY part, id`;
  const names = rows.map(({ name }) => ({ name, lowered: name.toLowerCase() }));
  // The stamp taken before the read: a commit during it makes the next search read them again.
  kept.set(db, { stamp, names });
  return names;
}

async function namesFromDatabase(db: QueryDb, piece: string, most: number): Promise<string[] | null> {
  // A coarse cut (lower() folds ASCII only on SQLite: a name with an accented capital where the
  // piece starts is not seen); the caller makes the exact one on the words.
  const pattern = `%${piece}%`;
  const rows = await db.$queryRaw<{ name: string }[]>`
    SELECT name FROM (
      SELECT s.name AS name FROM Speaker s WHERE lower(s.name) LIKE ${pattern}
      UNION ALL
      SELECT d.title AS name FROM Document d WHERE lower(d.title) LIKE ${pattern}
    ) AS names LIMIT ${most + 1}`;
  return rows.length > most ? null : rows.map((row) => row.name);
}
