// Ranking metrics over graded judgments. A passage is "slug#anchor"; grades 1..3, unjudged = 0.

export interface Judged {
  /** Grade of each relevant passage. */
  grades: Map<string, number>;
}

export const K = 10;

/** nDCG@k with gains 2^grade − 1 and the log2(rank + 1) discount. */
export function ndcg(ranked: string[], judged: Judged, k = K): number {
  const dcg = ranked.slice(0, k).reduce((sum, key, i) => sum + (2 ** (judged.grades.get(key) ?? 0) - 1) / Math.log2(i + 2), 0);
  const ideal = [...judged.grades.values()]
    .sort((a, b) => b - a)
    .slice(0, k)
    .reduce((sum, grade, i) => sum + (2 ** grade - 1) / Math.log2(i + 2), 0);
  return ideal === 0 ? (ranked.length === 0 ? 1 : 0) : dcg / ideal;
}

/** Reciprocal rank of the first relevant passage (any grade) in the top k; 0 when there is none. */
export function reciprocalRank(ranked: string[], judged: Judged, k = K): number {
  const index = ranked.slice(0, k).findIndex((key) => (judged.grades.get(key) ?? 0) > 0);
  return index === -1 ? 0 : 1 / (index + 1);
}

/** Relevant passages found in the top k, over the number that could be (min(relevant, k)). */
export function recall(ranked: string[], judged: Judged, k = K): number {
  const relevant = judged.grades.size;
  if (relevant === 0) return 1;
  const found = ranked.slice(0, k).filter((key) => (judged.grades.get(key) ?? 0) > 0).length;
  return found / Math.min(relevant, k);
}
