// Fusing the two rankings of a natural query: the passages matched by the reader's words (BM25,
// lexical-search.ts) and the passages nearest in meaning (vectors/nearest.ts), by weighted
// reciprocal rank fusion. Ranks, not scores: BM25 and cosine are on scales that cannot be compared,
// and cosine scores of short queries bunch together (0.2–0.35), so no fixed threshold works.
import type { RankedPassage } from './lexical-search';
import type { NearPassage } from './vectors/nearest';

/** The usual RRF constant: how much a first rank outweighs a tenth (1/61 against 1/70). */
export const RRF_K = 60;
/** How many of the lexical ranks enter the fusion; below them, the lexical order simply continues. */
export const LEXICAL_DEPTH = 100;
/** How many of the nearest passages enter the fusion (and may be shown though they lack the words). */
export const MEANING_DEPTH = 20;

/**
 * The least cosine similarity at which a passage counts as near in meaning. The model gives every
 * query a nearest passage, even "col:x" or "qwertyuiop"; on the seed archive such queries reach at
 * most 0.20 (15 nonsense and out-of-subject queries: 0.06–0.20), the judged natural queries' best
 * passages 0.20–0.80 (median 0.47). Measured with USE-lite; another model needs its own figure.
 */
export const MIN_SIMILARITY = 0.22;
/** A passage must also come this close to the best one: below it, the model is guessing among the rest. */
export const RELATIVE_SIMILARITY = 0.75;

/** The nearest passages that are near enough to show: above the floor, and not far below the best. */
export function nearEnough(near: NearPassage[]): NearPassage[] {
  const best = near[0]?.similarity ?? 0;
  return near.filter((n) => n.similarity >= MIN_SIMILARITY && n.similarity >= best * RELATIVE_SIMILARITY);
}

export interface FusionWeights {
  lexical: number;
  meaning: number;
}

/** How much each side counts when only some of the words matched: alike, which is where paraphrases are found. */
export const FUSION_WEIGHTS: FusionWeights = { lexical: 1, meaning: 1 };

const rrf = (weight: number, rank: number) => weight / (RRF_K + rank + 1);

/** The score of the passage at lexical rank `rank` (0-based) that has no place among the nearest. */
export const lexicalOnlyScore = (weights: FusionWeights, rank: number) => round(rrf(weights.lexical, rank));

/** The fused ranking, best first (ties: the lexical order, then the meaning order). */
export function fuse(lexical: RankedPassage[], near: NearPassage[], weights: FusionWeights): RankedPassage[] {
  const scores = new Map<number, { score: number; order: number }>();
  lexical.forEach(({ id }, rank) => scores.set(id, { score: rrf(weights.lexical, rank), order: rank }));
  near.forEach(({ id }, rank) => {
    const seen = scores.get(id);
    if (seen) seen.score += rrf(weights.meaning, rank);
    else scores.set(id, { score: rrf(weights.meaning, rank), order: lexical.length + rank });
  });
  return [...scores.entries()].sort(([, a], [, b]) => b.score - a.score || a.order - b.order).map(([id, { score }]) => ({ id, score: round(score) }));
}

// Reported precisely enough that the order of hits and the order of scores always agree.
const round = (score: number) => Math.round(score * 1e9) / 1e9;
