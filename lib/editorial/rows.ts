// Prepared statements (one set per connection) and the raw rows the editorial layer reads and writes.
import type { Statement } from 'better-sqlite3';
import type { DatePrecision } from '@/lib/dates';
import type { DocumentKind, DocumentStatus, PassageKind } from '@/lib/vocabulary';
import type { WriteDb } from './writer';

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

export interface DocumentRow {
  id: number;
  slug: string;
  kind: DocumentKind;
  title: string;
  subtitle: string | null;
  summary: string | null;
  publisher: string | null;
  sourceUrl: string | null;
  publishedOn: string;
  publishedUntil: string;
  datePrecision: DatePrecision;
  language: string;
  caption: string | null;
  status: DocumentStatus;
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
}

export function documentRow(db: WriteDb, id: number): DocumentRow | undefined {
  return sql(
    db,
    `SELECT id, slug, kind, title, subtitle, summary, publisher, sourceUrl, publishedOn, publishedUntil, datePrecision,
            language, caption, status, deletedAt, version
     FROM Document WHERE id = ?`,
  ).get(id) as DocumentRow | undefined;
}

/** The document's passages in reading order. */
export function passageRows(db: WriteDb, documentId: number): PassageRow[] {
  return sql(
    db,
    'SELECT id, documentId, position, anchor, kind, speakerId, text, questionId FROM Passage WHERE documentId = ? ORDER BY position',
  ).all(documentId) as PassageRow[];
}
