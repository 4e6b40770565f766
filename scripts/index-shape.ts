// How the maintenance output names a passage index's shape (lib/db/sqlite/index-segments.ts).
import type { IndexShape } from '@/lib/db';

export const segmentCount = (count: number) => `${count} segment${count === 1 ? '' : 's'}`;

/** "19 segments, 4.9% of its leaf pages outside the largest"; an index in one segment is just "1 segment". */
export function describeShape({ segments, outsideLargest }: IndexShape): string {
  return segments > 1 ? `${segmentCount(segments)}, ${(outsideLargest * 100).toFixed(1)}% of its leaf pages outside the largest` : segmentCount(segments);
}
