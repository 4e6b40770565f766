// FTS5's bm25() for one phrase, computed in the same order of floating-point operations as
// SQLite's fts5_aux.c, so a score computed here orders (and ties) exactly as FTS5's own does.
import 'server-only';
import { SPEAKER_WEIGHT, TEXT_WEIGHT, TITLE_WEIGHT } from '@/lib/db';

const K1 = 1.2;
const B = 0.75;

/** The column-weighted count of a phrase in a row, summed as FTS5 sums it: instance by instance, column by column. */
export function weightOf(counts: readonly [number, number, number]): number {
  let w = 0.0;
  const weights = [TEXT_WEIGHT, SPEAKER_WEIGHT, TITLE_WEIGHT];
  for (let column = 0; column < 3; column++) for (let i = 0; i < counts[column]; i++) w += weights[column];
  return w;
}

/** The term-frequency part of BM25: grows with `weight`, falls with the row's `length` (tokens) against the average. */
export function termPart(weight: number, length: number, averageLength: number): number {
  return (weight * (K1 + 1.0)) / (weight + K1 * (1 - B + (B * length) / averageLength));
}

/** FTS5's idf for a phrase in half the rows or more: the log below is 0 or less there. */
export const FLOOR_IDF = 1e-6;

/** FTS5's idf: `rows` in the index, `hits` of them matching the phrase. */
export function idfOf(rows: number, hits: number): number {
  const idf = Math.log((rows - hits + 0.5) / (hits + 0.5));
  return idf <= 0.0 ? FLOOR_IDF : idf;
}

/** Inverts termPart: the weighted count that gives `part` at `length` (for reading counts back from bm25()). */
export function weightFromPart(part: number, length: number, averageLength: number): number {
  const k = K1 * (1 - B + (B * length) / averageLength);
  return (part * k) / (K1 + 1.0 - part);
}
