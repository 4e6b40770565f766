// A listed term's number of passages and its count's sample, stored with its list (migration
// 20261207000000_term_impact_counts): taken by the build in the pass that reads the list, kept exact
// by the refresh after every write (refresh.ts). A search of a listed word or phrase spent 90-97% of
// its time on one pass over every passage with the term, for BM25's idf and for the sample behind
// the "about N" total and the facets (counting.ts); with them stored, it reads the sample's ids
// instead (~2,000 when the list was built).
// Trusted only while no passage waits to be rescored: until the refresh has run, the search counts.
import 'server-only';
import { num, termImpactReading as reading, type QueryDb } from '@/lib/db';
import { isPlainMatch, type LexicalMatch } from '../lexical-match';
import type { SearchRequest } from '../types';
import { listedWordOf } from './alternatives';
import { listedFormOf } from './listed-forms';

export interface StoredCount {
  /** How many passages match the listed term (in the index, published or not: BM25's n). */
  passages: number;
  /** The stored sample's stride (every k-th passage by id); null: none, the term's matches are counted whole. */
  every: number | null;
}

/**
 * How many passages hold `word`'s stem (any of its forms: the index holds the stem) as its list
 * stores it, or null where no list stores it. Not for an exact count (a passage may wait to be
 * rescored), only for a size: how long a list of positions reading the word's passages is.
 */
export async function listedPassagesOf(db: QueryDb, word: string): Promise<number | null> {
  const [list] = await db.$queryRaw<{ passages: number | bigint | null }[]>(reading.listedPassages(await listedFormOf(db, word)));
  return list && list.passages !== null ? num(list.passages) : null;
}

/**
 * The stored count of the listed term a plan ranks from (`"word"`, or `("word" OR …)` with the word
 * first), or null: another plan, a search in one document (its matches are counted in the document's
 * span of ids), no list or none stored, or a passage pending a rescore (its refresh has not moved the
 * count yet).
 */
export async function storedCountOf(db: QueryDb, match: LexicalMatch, request: SearchRequest): Promise<StoredCount | null> {
  if (request.document) return null;
  const split = listedWordOf(match.expression);
  if (!split || !isPlainMatch(match)) return null;
  const [list] = await db.$queryRaw<{ passages: number | bigint | null; every: number | bigint | null; pending: number | bigint }[]>(
    reading.list(await listedFormOf(db, split.word)),
  );
  if (!list || list.passages === null || num(list.pending) !== 0) return null;
  return { passages: num(list.passages), every: list.every === null ? null : num(list.every) };
}

/**
 * The stored sample of `term`'s list (the ids of its passages that are multiples of the stride), or
 * null when the list's stride is no longer `every`: the lists were built again since the search read
 * the count it chose `every` from.
 */
export async function storedSample(db: QueryDb, term: string, every: number): Promise<number[] | null> {
  const [list] = await db.$queryRaw<{ every: number | bigint | null; ids: string }[]>(reading.sample(term));
  return list && list.every !== null && num(list.every) === every ? (JSON.parse(list.ids) as number[]) : null;
}
