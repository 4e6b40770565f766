// A document's own columns as one write: only those that differ are written, the address checked
// for a clash first. Shared by field edits, status changes and restores.
import 'server-only';
import { parsePartialDate } from '@/lib/dates';
import { setChangedColumns } from './columns';
import { documentRow, type DocumentRow } from './snapshots';
import type { WriteDb } from '@/lib/db';

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
  setChangedColumns(db, 'Document', id, documentRow(db, id)!, next);
}

export function periodColumns(date: string | undefined): DocumentColumns {
  if (date === undefined) return {};
  const period = parsePartialDate(date)!;
  return { publishedOn: period.start, publishedUntil: period.end, datePrecision: period.precision };
}
