// Who did what, when: one AuditEvent row a change, written in the same transaction as the change so
// that the log and the archive never disagree.
import 'server-only';
import type { Editor } from '@/lib/auth/editor';
import { sql } from './snapshots';
import { nowIso, type WriteDb } from '@/lib/db';

/** A name or title as the audit log and revision notes quote it. */
export const quoted = (name: string) => `“${name}”`;

/** What an edit of some of an entry's fields says in the audit log and, without a note, its revision. */
export function describeEdit(changedFields: readonly string[], what: string): { action: 'update'; summary: string; message: string } {
  const list = changedFields.join(', ');
  return { action: 'update', summary: `Edited ${list} of ${what}`, message: `Edited ${list}` };
}

/** The fields among `fields` whose values differ between two snapshots of an entry. */
export function changedAmong<S>(fields: readonly (keyof S & string)[], before: S, after: S): string[] {
  return fields.filter((field) => JSON.stringify(before[field]) !== JSON.stringify(after[field]));
}

export type AuditAction = 'create' | 'update' | 'delete' | 'publish' | 'unpublish' | 'restore' | 'merge' | 'split' | 'reorder';

export interface AuditEntry {
  editor: Editor;
  action: AuditAction;
  /** An editorial entry, or a synonym group of search. */
  entityType: 'document' | 'speaker' | 'topic' | 'synonyms';
  entityId: number | string;
  summary: string;
  ip?: string | null;
}

/** Records one event; call it inside the transaction of the change it describes. */
export function recordAudit(db: WriteDb, entry: AuditEntry): void {
  sql(
    db,
    `INSERT INTO AuditEvent (at, actorId, actorEmail, action, entityType, entityId, summary, ipAddress)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(nowIso(), entry.editor.id, entry.editor.email, entry.action, entry.entityType, String(entry.entityId), entry.summary.slice(0, 2000), entry.ip ?? null);
}

export interface AuditEventRecord {
  id: number;
  at: string;
  actorId: string | null;
  actorEmail: string | null;
  action: string;
  entityType: string | null;
  entityId: string | null;
  summary: string | null;
  ipAddress: string | null;
}

/** The events of one entry, newest first. */
export function auditEventsOf(db: WriteDb, entityType: string, entityId: number | string): AuditEventRecord[] {
  return sql(
    db,
    `SELECT id, at, actorId, actorEmail, action, entityType, entityId, summary, ipAddress
     FROM AuditEvent WHERE entityType = ? AND entityId = ? ORDER BY id DESC`,
  ).all(entityType, String(entityId)) as AuditEventRecord[];
}
