// What every new entry (a document, a speaker, a topic) does alike when it is created inside a write:
// its row at version 1, then its version-1 revision, its audit entry and the result its caller returns.
// What differs (the columns, what else is written, the audit line, the pages) is given.
import 'server-only';
import type { Editor } from '@/lib/auth/editor';
import { recordAudit } from './audit';
import { writeRevision, type EditResult } from './history';
import { snapshotOf, sql, type EntityType, type SnapshotOf } from './snapshots';
import { nowIso, type WriteDb } from '@/lib/db';

const TABLES = { document: 'Document', speaker: 'Speaker', topic: 'Topic' } as const satisfies Record<EntityType, string>;

/** Inserts the entry's row with the columns given (undefined is NULL), at version 1, created and updated now; returns its id. */
export function insertEntryRow(db: WriteDb, entityType: EntityType, columns: Record<string, string | number | null | undefined>): number {
  const names = Object.keys(columns);
  const now = nowIso();
  const statement = sql(
    db,
    `INSERT INTO ${TABLES[entityType]} (${names.map((c) => `"${c}"`).join(', ')}, version, createdAt, updatedAt) VALUES (${names.map(() => '?').join(', ')}, 1, ?, ?)`,
  );
  return Number(statement.run(...Object.values(columns).map((value) => value ?? null), now, now).lastInsertRowid);
}

export interface Created<T extends EntityType> {
  entityType: T;
  id: number;
  slug: string;
  /** The editor's note for the revision; "Created" when none. */
  message?: string | null;
  /** The audit entry's line, e.g. `Created the topic “China” (china)`. */
  summary: string;
  ip?: string | null;
  /** The public pages the new entry shows on. */
  paths: (snapshot: SnapshotOf<T>) => string[];
}

/** Records a new entry's version 1 (revision and audit entry) after everything of it is written. */
export function recordCreated<T extends EntityType>(db: WriteDb, editor: Editor, created: Created<T>): EditResult & { slug: string } {
  const { entityType, id, slug } = created;
  const snapshot = snapshotOf(db, entityType, id)!;
  writeRevision(db, snapshot, editor, created.message ?? 'Created');
  recordAudit(db, { editor, action: 'create', entityType, entityId: id, summary: created.summary, ip: created.ip });
  return { entityType, id, slug, version: 1, changed: true, paths: created.paths(snapshot), warnings: [] };
}
