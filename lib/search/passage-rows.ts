// A found passage as both search and "more like this" read it: one column list, one mapping.
import { num, sql } from '@/lib/db';
import { isoAtPrecision, type DatePrecision } from '@/lib/dates';
import { passagePath } from '@/lib/urls';
import type { PassageKind } from '@/lib/vocabulary';

/** The columns of a passage `p`, its document `d` and its speaker `s` (left-joined) that a reference needs. */
export const passageColumns = sql`p.id AS id, p.anchor AS anchor, p.kind AS kind, d.slug AS documentSlug, d.title AS documentTitle,
             d.publishedOn AS publishedOn, d.datePrecision AS datePrecision, s.slug AS speakerSlug, s.name AS speakerName`;

export interface PassageRow {
  id: number | bigint;
  anchor: number | bigint;
  kind: PassageKind;
  documentSlug: string;
  documentTitle: string;
  publishedOn: string;
  datePrecision: DatePrecision;
  speakerSlug: string | null;
  speakerName: string | null;
}

export interface PassageRef {
  passageId: number;
  documentSlug: string;
  documentTitle: string;
  kind: PassageKind;
  speaker: { slug: string; name: string } | null;
  /** The document's date at its precision: "2016-12". */
  date: string;
  /** The passage's stable address in the reader (a path). */
  url: string;
  anchor: number;
}

export function passageRef(row: PassageRow): PassageRef {
  const anchor = num(row.anchor);
  return {
    passageId: num(row.id),
    documentSlug: row.documentSlug,
    documentTitle: row.documentTitle,
    kind: row.kind,
    speaker: row.speakerSlug && row.speakerName ? { slug: row.speakerSlug, name: row.speakerName } : null,
    date: isoAtPrecision(row.publishedOn, row.datePrecision),
    url: passagePath(row.documentSlug, anchor),
    anchor,
  };
}
