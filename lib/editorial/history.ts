// The machinery every change shares: load the entry, check the version the editor started from,
// make sure its baseline revision exists, apply the change, and, if anything changed, bump the
// version by one and store the new snapshot as a revision — all inside the writer's transaction.
import 'server-only';
import type { Editor } from '@/lib/auth/editor';
import { recordAudit, type AuditAction } from './audit';
import { BusyError, ConflictError, EditorialError, NotFoundError } from './errors';
import { sameContent, snapshotOf, sql, type EntityType, type Snapshot, type SnapshotOf } from './snapshots';
import { isWriteBusy, nowIso, writerOf, type WriteDb, type Writer } from '@/lib/db';
import { embedAfterWrite } from '@/lib/search/vectors/embed-pending';
import { refreshAfterWrite } from '@/lib/search/top-k/refresh';
import { bumpArchiveVersion, noteOwnCommit } from '@/lib/cache/archive-version';
import { renewAfterWrite } from '@/lib/cache/renew';

/** Options every editorial function takes after its input. */
export interface EditOptions {
  /** The editor's address, for the audit log. */
  ip?: string | null;
  /** Another database than DATABASE_URL's (tests, scripts). */
  writer?: Writer;
}

/** What every change returns. */
export interface EditResult {
  entityType: EntityType;
  id: number;
  /** The entry's version after the call: the new one, or the current one when nothing changed. */
  version: number;
  /** False when the input asked for what was there already: no revision, no version bump. */
  changed: boolean;
  /** Public paths whose pages show what changed: runWrite renews their cached pages (lib/cache). */
  paths: string[];
  /** Things the change could not carry over (a restore meeting a speaker that no longer exists). */
  warnings: string[];
}

const TABLE: Record<EntityType, string> = { document: 'Document', speaker: 'Speaker', topic: 'Topic' };

export const LABEL: Record<EntityType, string> = { document: 'document', speaker: 'speaker', topic: 'topic' };

// ---------------------------------------------------------------------------------------------
// Revisions

export function writeRevision(
  db: WriteDb,
  snapshot: Snapshot,
  editor: Pick<Editor, 'id' | 'name'> | null,
  message: string | null,
  createdAt: string = nowIso(),
): void {
  sql(
    db,
    `INSERT INTO Revision (entityType, entityId, version, snapshot, message, editorId, editorName, createdAt)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
  ).run(snapshot.type, snapshot.id, snapshot.version, JSON.stringify(snapshot), message, editor?.id ?? null, editor?.name ?? null, createdAt);
}

function hasRevision(db: WriteDb, entityType: EntityType, id: number, version: number): boolean {
  return sql(db, 'SELECT 1 FROM Revision WHERE entityType = ? AND entityId = ? AND version = ?').get(entityType, id, version) !== undefined;
}

/**
 * Records the entry as it is now, at its current version, unless a revision of that version exists.
 * Seeded and imported entries have no revision; this gives them their version 1 before the first
 * change, so that history starts with what was there, and every anchor they had is on record.
 */
export function ensureBaseline<T extends EntityType>(db: WriteDb, entityType: T, id: number, current?: SnapshotOf<T>): SnapshotOf<T> {
  const snapshot = current ?? snapshotOf(db, entityType, id);
  if (!snapshot) throw new NotFoundError(`There is no ${LABEL[entityType]} ${id}.`);
  if (!hasRevision(db, entityType, id, snapshot.version)) {
    const row = sql(db, `SELECT updatedAt FROM ${TABLE[entityType]} WHERE id = ?`).get(id) as { updatedAt: string | number | null };
    const at = typeof row.updatedAt === 'string' ? row.updatedAt : row.updatedAt === null ? nowIso() : nowIso(new Date(row.updatedAt));
    const message = snapshot.version === 1 ? 'Version 1, as created or imported' : `Version ${snapshot.version}, as found before its next editorial change`;
    writeRevision(db, snapshot, null, message, at);
  }
  return snapshot;
}

// ---------------------------------------------------------------------------------------------
// Changes

/** Thrown inside a transaction to roll it back when a change turned out to change nothing. */
class Unchanged {
  constructor(readonly value: unknown) {}
}

export function rollBackUnchanged(value: unknown): never {
  throw new Unchanged(value);
}

/** Runs one write transaction; a change that changed nothing is rolled back and returns its value. */
export function runWrite<T>(options: EditOptions | undefined, fn: (db: WriteDb) => T): T {
  try {
    const writer = writerOf(options);
    let startedFrom = 0;
    const result = writer.write((db) => {
      const value = fn(db);
      // Counted in the same transaction, so another process's server sees the write (lib/cache).
      startedFrom = bumpArchiveVersion(db);
      return value;
    });
    noteOwnCommit(startedFrom);
    // The cached public pages that show what changed are renewed (a no-op outside a Next request).
    renewAfterWrite(result);
    // Every editorial change passes here: passages it added or whose text it changed (their old vectors
    // went with the edit, by trigger) are embedded after the commit, without holding up the save.
    embedAfterWrite(writer);
    // …and rescored for the ranking lists (lib/search/top-k), so one-word searches stay fast.
    refreshAfterWrite(writer);
    return result;
  } catch (error) {
    if (error instanceof Unchanged) return error.value as T;
    if (isWriteBusy(error)) throw new BusyError();
    throw error;
  }
}

/** Loads an entry for a change and checks that nobody saved it since the editor opened it. */
export function openEntry<T extends EntityType>(
  db: WriteDb,
  entityType: T,
  id: number,
  expectedVersion: number,
  attempted: unknown,
  options: { allowDeleted?: boolean } = {},
): SnapshotOf<T> {
  const current = snapshotOf(db, entityType, id);
  if (!current) throw new NotFoundError(`There is no ${LABEL[entityType]} ${id}.`);
  if (current.version !== expectedVersion) {
    throw new ConflictError({ entityType, entityId: id, current, currentVersion: current.version, expectedVersion, attempted });
  }
  if (current.type === 'document' && current.deletedAt !== null && !options.allowDeleted) {
    throw new EditorialError(`“${current.title}” is deleted. An admin can restore it before it is edited.`);
  }
  ensureBaseline(db, entityType, id, current);
  return current;
}

/**
 * After a change: when the entry differs from `before` (or `force`: an event worth a version of its
 * own, like absorbing a merged entry), bumps its version by one and stores the new snapshot as a
 * revision. Returns the new snapshot, or null when nothing changed. `current`: the entry as the
 * change left it, when the caller has built it already (a snapshot of a long document is not free).
 */
export function closeEntry<S extends Snapshot>(
  db: WriteDb,
  editor: Editor,
  before: S,
  message: string | null,
  options: { force?: boolean; current?: S } = {},
): S | null {
  const entityType = before.type;
  const after = options.current ?? (snapshotOf(db, entityType, before.id) as S | null);
  if (!after) throw new NotFoundError(`The ${LABEL[entityType]} ${before.id} disappeared during the change.`);
  if (!options.force && sameContent(before, after)) return null;
  const result = sql(db, `UPDATE ${TABLE[entityType]} SET version = version + 1, updatedAt = ? WHERE id = ? AND version = ?`).run(
    nowIso(),
    before.id,
    before.version,
  );
  if (result.changes !== 1) throw new EditorialError(`The ${LABEL[entityType]} changed during the save; nothing was written. Try again.`);
  after.version = before.version + 1;
  writeRevision(db, after, editor, message);
  return after;
}

export interface ChangeSpec<T extends EntityType, R> {
  entityType: T;
  id: number;
  expectedVersion: number;
  /** What the editor submitted: the conflict view shows it next to the current entry. */
  attempted: unknown;
  allowDeleted?: boolean;
  /** Makes the change; may throw EditorialError (everything is rolled back). */
  mutate: (before: SnapshotOf<T>, db: WriteDb) => R;
  /** The revision message when the editor gave none, and the audit entry. */
  describe: (result: R, before: SnapshotOf<T>, after: SnapshotOf<T>) => { action: AuditAction; summary: string; message: string };
  /** The editor's own note for the revision. */
  message?: string | null;
  paths: (before: SnapshotOf<T>, after: SnapshotOf<T>, db: WriteDb) => string[];
}

/** The entry a parsed input names, the version it started from, what it attempted and its note, for a ChangeSpec. */
export function entryOf(data: { id: number; expectedVersion: number; message?: string | null }, attempted: unknown = data) {
  return { id: data.id, expectedVersion: data.expectedVersion, attempted, message: data.message };
}

/** One change of one entry, as one transaction, with its revision and its audit event. */
export function changeEntry<T extends EntityType, R>(
  editor: Editor,
  spec: ChangeSpec<T, R>,
  options: EditOptions | undefined,
): { result: R; before: SnapshotOf<T>; after: SnapshotOf<T> | null; edit: EditResult } {
  return runWrite(options, (db) => {
    const before = openEntry(db, spec.entityType, spec.id, spec.expectedVersion, spec.attempted, { allowDeleted: spec.allowDeleted });
    const result = spec.mutate(before, db);
    const current = snapshotOf(db, spec.entityType, spec.id)!;
    if (sameContent(before, current)) {
      rollBackUnchanged({
        result,
        before,
        after: null,
        edit: { entityType: spec.entityType, id: spec.id, version: before.version, changed: false, paths: [], warnings: [] },
      });
    }
    const described = spec.describe(result, before, current);
    // The snapshot built for the comparison is the one stored: built once after the change, not again.
    const after = closeEntry(db, editor, before, spec.message?.trim() || described.message, { current })!;
    recordAudit(db, { editor, action: described.action, entityType: spec.entityType, entityId: spec.id, summary: described.summary, ip: options?.ip });
    return {
      result,
      before,
      after,
      edit: {
        entityType: spec.entityType,
        id: spec.id,
        version: after.version,
        changed: true,
        paths: spec.paths(before, after, db),
        warnings: [],
      },
    };
  });
}
