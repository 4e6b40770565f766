// The one UPDATE of an entry's own columns (documents, speakers, topics): only the columns that differ,
// with updatedAt, and never onto an address another entry of the same table has.
import 'server-only';
import { ValidationError } from './errors';
import { sql } from './snapshots';
import { nowIso, type WriteDb } from '@/lib/db';

type Table = 'Document' | 'Speaker' | 'Topic';

/**
 * Writes the columns of `next` that are given and differ from `current`. `check` runs on the columns
 * about to change, after the address check and before the write, for rules of one table (a topic's parent).
 */
export function setChangedColumns<C extends { slug?: string }>(
  db: WriteDb,
  table: Table,
  id: number,
  current: { [K in keyof C]-?: unknown },
  next: C,
  check?: (columns: (keyof C)[]) => void,
): void {
  const columns = (Object.keys(next) as (keyof C & string)[]).filter((c) => next[c] !== undefined && next[c] !== current[c]);
  if (columns.length === 0) return;
  if (
    next.slug !== undefined &&
    next.slug !== current.slug &&
    sql(db, `SELECT 1 FROM ${table} WHERE slug = ? AND id IS DISTINCT FROM ?`).get(next.slug, id) !== undefined
  ) {
    throw new ValidationError('The address is taken.', { slug: [`is taken by another ${table.toLowerCase()}`] });
  }
  check?.(columns);
  sql(db, `UPDATE ${table} SET ${columns.map((c) => `"${c}" = ?`).join(', ')}, updatedAt = ? WHERE id = ?`).run(
    ...columns.map((c) => (next[c] ?? null) as string | number | null),
    nowIso(),
    id,
  );
}
