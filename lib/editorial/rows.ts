// Prepared statements (one set per connection) and the raw rows the editorial layer reads and writes.
import 'server-only';
import type { Statement } from 'better-sqlite3';
import type { DatePrecision } from '@/lib/dates';
import type { PassageKind } from '@/lib/vocabulary';
import type { DocumentFields, RecordingFields, SectionSnapshot } from './snapshot-types';
import type { WriteDb } from '@/lib/db';

const statementCache = new WeakMap<WriteDb, Map<string, Statement>>();

/** A prepared statement of this connection, prepared once. */
export function sql(db: WriteDb, text: string): Statement {
  let cache = statementCache.get(db);
  if (!cache) statementCache.set(db, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) cache.set(text, (statement = db.prepare(text)));
  return statement;
}

// ---------------------------------------------------------------------------------------------
// Rows

/** The Document row: its fields but the date, stored as the period it covers. */
export interface DocumentRow extends Omit<DocumentFields, 'date'>, RecordingFields {
  id: number;
  publishedOn: string;
  publishedUntil: string;
  datePrecision: DatePrecision;
  deletedAt: string | null;
  version: number;
}

export interface PassageRow {
  id: number;
  documentId: number;
  position: number;
  anchor: number;
  kind: PassageKind;
  speakerId: number | null;
  text: string;
  questionId: number | null;
  startMs: number | null;
  endMs: number | null;
}

export function documentRow(db: WriteDb, id: number): DocumentRow | undefined {
  return sql(
    db,
    `SELECT id, slug, kind, title, subtitle, summary, publisher, sourceUrl, publishedOn, publishedUntil, datePrecision,
            language, caption, status, deletedAt, version, recordingUrl, recordingFile, recordingType
     FROM Document WHERE id = ?`,
  ).get(id) as DocumentRow | undefined;
}

/** The document's passages in reading order. */
export function passageRows(db: WriteDb, documentId: number): PassageRow[] {
  return sql(
    db,
    'SELECT id, documentId, position, anchor, kind, speakerId, text, questionId, startMs, endMs FROM Passage WHERE documentId = ? ORDER BY position',
  ).all(documentId) as PassageRow[];
}

/** A section of a document's table of contents, with its id (the back office edits by it). */
export interface SectionRow extends SectionSnapshot {
  id: number;
}

/** A document's sections in their order, for snapshots and the table-of-contents editor alike. */
export function sectionRows(db: WriteDb, documentId: number): SectionRow[] {
  const rows = sql(db, 'SELECT id, title, synopsis, keywords, startAnchor FROM DocumentSection WHERE documentId = ? ORDER BY position').all(
    documentId,
  ) as (Omit<SectionRow, 'keywords'> & { keywords: string })[];
  return rows.map((row) => ({ ...row, keywords: parseKeywords(row.keywords) }));
}

/** A section's keywords as stored (a JSON array of strings); anything else reads as none rather than failing a whole read. */
function parseKeywords(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.filter((k): k is string => typeof k === 'string') : [];
  } catch {
    return [];
  }
}
