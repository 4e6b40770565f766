// A document's own columns as one write: only those that differ are written, the address checked
// for a clash first. Shared by field edits, status changes and restores.
import { parsePartialDate } from '@/lib/dates';
import { ValidationError } from './errors';
import { documentRow, sql, type DocumentRow } from './snapshots';
import { documentSlugTaken } from './store';
import { nowIso, type WriteDb } from '@/lib/db';

export type DocumentColumns = Partial<
  Pick<
    DocumentRow,
    | 'slug'
    | 'kind'
    | 'title'
    | 'subtitle'
    | 'summary'
    | 'publisher'
    | 'sourceUrl'
    | 'publishedOn'
    | 'publishedUntil'
    | 'datePrecision'
    | 'language'
    | 'caption'
    | 'status'
    | 'deletedAt'
  >
>;

/** Writes the columns that differ (a title only when it changed: its trigger re-indexes every passage). */
export function setDocumentColumns(db: WriteDb, id: number, next: DocumentColumns): void {
  const current = documentRow(db, id)!;
  const columns = (Object.keys(next) as (keyof DocumentColumns)[]).filter((c) => next[c] !== undefined && next[c] !== current[c]);
  if (columns.length === 0) return;
  if (next.slug !== undefined && next.slug !== current.slug && documentSlugTaken(db, next.slug, id)) {
    throw new ValidationError('The address is taken.', { slug: ['is taken by another document'] });
  }
  sql(db, `UPDATE Document SET ${columns.map((c) => `"${c}" = ?`).join(', ')}, updatedAt = ? WHERE id = ?`).run(
    ...columns.map((c) => next[c] ?? null),
    nowIso(),
    id,
  );
}

export function periodColumns(date: string | undefined): DocumentColumns {
  if (date === undefined) return {};
  const period = parsePartialDate(date)!;
  return { publishedOn: period.start, publishedUntil: period.end, datePrecision: period.precision };
}
