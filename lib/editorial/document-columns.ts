// A document's own columns as one write: only those that differ are written, the address checked
// for a clash first. Shared by field edits, status changes and restores.
import 'server-only';
import { parsePartialDate } from '@/lib/dates';
import { setChangedColumns } from './columns';
import { documentRow, type DocumentRow, type DocumentSnapshot } from './snapshots';
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
    | 'recordingUrl'
    | 'recordingFile'
    | 'recordingType'
  >
>;

/** Writes the columns that differ (a title only when it changed: its trigger re-indexes every passage). */
export function setDocumentColumns(db: WriteDb, id: number, next: DocumentColumns): void {
  setChangedColumns(db, 'Document', id, documentRow(db, id)!, next);
}

type DocumentFields = Partial<
  Pick<DocumentSnapshot, 'slug' | 'kind' | 'title' | 'subtitle' | 'summary' | 'publisher' | 'sourceUrl' | 'date' | 'language' | 'caption'>
>;

/**
 * A document's own columns from its fields as an input or a snapshot names them, for a new document,
 * an edit and a restore alike: a field not given stays undefined (an edit leaves it as it is; a new
 * document has it empty).
 */
export function fieldColumns(data: DocumentFields): DocumentColumns {
  return {
    slug: data.slug,
    kind: data.kind,
    title: data.title,
    subtitle: data.subtitle,
    summary: data.summary,
    publisher: data.publisher,
    sourceUrl: data.sourceUrl,
    language: data.language,
    caption: data.caption,
    ...periodColumns(data.date),
  };
}

function periodColumns(date: string | undefined): DocumentColumns {
  if (date === undefined) return {};
  const period = parsePartialDate(date)!;
  return { publishedOn: period.start, publishedUntil: period.end, datePrecision: period.precision };
}
