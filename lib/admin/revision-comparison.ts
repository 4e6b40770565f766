// Which two versions of an entry a history section compares (?from=&to=), and their differences.
import 'server-only';
import { compareVersions, EditorialError, type EntityType, type RevisionDiff, type RevisionSummary } from '@/lib/editorial';
import { idParam } from '@/lib/validation/params';

export interface Comparison {
  from: number;
  /** A stored version, or the entry as it is now. */
  to: number | 'current';
  diff?: RevisionDiff;
  error?: string;
}

/**
 * The comparison the page shows: the versions in ?from=&to= when given (to=current for the entry as
 * it is now), otherwise the latest change. Null when there is nothing to compare yet.
 */
export function readComparison(
  entityType: EntityType,
  id: number,
  params: { from?: string | string[]; to?: string | string[] },
  revisions: RevisionSummary[],
  currentVersion: number,
): Comparison | null {
  const requested = idParam(params.from);
  const latestIsStored = revisions[0]?.version === currentVersion;
  const from = requested ?? (latestIsStored ? revisions[1]?.version : revisions[0]?.version);
  if (from === undefined) return null;
  const to: number | 'current' = requested ? (idParam(params.to) ?? 'current') : latestIsStored ? currentVersion : 'current';
  try {
    return { from, to, diff: compareVersions(entityType, id, from, to === 'current' ? undefined : to) };
  } catch (error) {
    if (error instanceof EditorialError) return { from, to, error: error.message };
    throw error;
  }
}
