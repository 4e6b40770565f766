// Which list a word ranks from. The lists are kept under one form of each frequent stem, its
// commonest (lib/db's frequentWords): `negotiations` typed, or `negot*` standing for `negotiation`,
// rank from the list of whichever form of "negoti" was listed. The index holds every form as the
// stem, so that list is exactly the word's: the same passages, counts and scores. A phrase's list is
// kept under its terms (`"wa is"`), which a typed `"was is"` reads as: found the same way.
import 'server-only';
import { termImpactReading as reading, type QueryDb } from '@/lib/db';

interface ListedStems {
  builtAt: string;
  /** Stem → the listed form. */
  formOf: Map<string, string>;
}

/** Per connection, the listed words' stems, read again when the lists are built again. */
const known = new WeakMap<QueryDb, ListedStems>();

/** The listed form of `word`'s stem, or `word` itself where the connection cannot tell stems (or no form of it is listed). */
export async function listedFormOf(db: QueryDb, word: string): Promise<string> {
  const stemsOf = db.indexStems;
  if (!stemsOf) return word;
  const [build] = await db.$queryRaw<{ builtAt: string }[]>(reading.buildTime());
  if (!build) return word;
  let listed = known.get(db);
  if (listed?.builtAt !== build.builtAt) {
    const rows = await db.$queryRaw<{ term: string }[]>(reading.listedWords());
    const terms = rows.map((row) => row.term);
    const stems = stemsOf(terms);
    listed = { builtAt: build.builtAt, formOf: new Map(terms.map((term, i) => [stems[i], term])) };
    known.set(db, listed);
  }
  return listed.formOf.get(stemsOf([word])[0]) ?? word;
}
