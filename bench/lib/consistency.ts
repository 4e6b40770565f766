// Checks the project's search against the FTS5 floor on the unfiltered exact-word queries: the same
// totals, and how much their top-10 lists overlap (published documents only).
import type { Fts5FloorEngine } from '../engines/fts5-floor';
import type { ConsistencyRecord, QueryRecord } from './bench-types';
import { NATURAL_CLASS, type BenchQuery } from './queries';

export function checkConsistency(floor: Fts5FloorEngine, queries: BenchQuery[], project: QueryRecord[], floorRecords: QueryRecord[]): ConsistencyRecord[] {
  const byId = new Map(project.map((r) => [r.id, r]));
  const floorById = new Map(floorRecords.map((r) => [r.id, r]));
  // Exact-word queries only: a natural query's hits need not contain every word (issue 9's relaxed matching).
  return queries
    .filter((q) => !q.filtered && q.base !== NATURAL_CLASS)
    .map((q) => {
      const p = byId.get(q.id)!;
      const published = floor.publishedIds(floorById.get(q.id)!.ids);
      const floorIds = floorById.get(q.id)!.ids.filter((id) => published.has(id));
      const common = p.ids.filter((id) => floorIds.includes(id)).length;
      const denominator = Math.min(p.ids.length, floorIds.length);
      return {
        id: q.id,
        q: q.q,
        projectTotal: p.total ?? 0,
        ...(p.approximate ? { approximate: true } : {}),
        floorPublishedMatches: floor.publishedMatches(q.q),
        didYouMean: p.didYouMean,
        ...(p.matchedBy ? { matchedBy: p.matchedBy } : {}),
        overlap: denominator === 0 ? (p.ids.length === floorIds.length ? 1 : 0) : common / denominator,
      };
    });
}
