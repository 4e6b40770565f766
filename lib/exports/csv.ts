// CSV of passages (RFC 4180, written by csv-stringify): one row per passage in order, its words whole
// in one field (quoted, line breaks kept). A byte order mark leads so that spreadsheet programs read
// UTF-8 (Korean, emoji) as UTF-8. Cells are never altered to defuse spreadsheet formulas: a passage
// that starts with "=" is testimony, and the file keeps it as said.
import { stringify } from 'csv-stringify/sync';
import type { ExportSource } from './source';

export const CSV_COLUMNS = ['position', 'kind', 'speaker', 'text', 'topics', 'anchor', 'address'] as const;

/** Topic names in one cell. */
export const TOPIC_SEPARATOR = '; ';

export function toCsv({ document, passageUrl }: ExportSource): string {
  const rows = document.passages.map((p) => [
    p.position,
    p.kind,
    p.speaker?.name ?? '',
    p.text,
    p.topics.map((t) => t.name).join(TOPIC_SEPARATOR),
    p.anchor,
    passageUrl(p.anchor),
  ]);
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS], bom: true, record_delimiter: 'windows' });
}
