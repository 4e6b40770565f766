// Revision history: list, read, compare (the diff itself is revision-diff.ts) and restore.
// A restore never rewrites history: it makes the entry equal to an old snapshot and records that
// as a NEW revision ("Restored version N").
import 'server-only';
import type { Editor } from '@/lib/auth/editor';
import { restoreRevisionSchema } from '@/lib/validation/editorial';
import { recordAudit } from './audit';
import { applyDocumentSnapshot } from './document-restore';
import { EditorialError, NotFoundError, parseInput } from './errors';
import { closeEntry, ensureBaseline, LABEL, openEntry, rollBackUnchanged, runWrite, type EditOptions, type EditResult } from './history';
import { documentPaths, speakerPaths, topicPaths } from './paths';
import {
  snapshotOf,
  sql,
  withCurrentShape,
  type DocumentSnapshot,
  type EntityType,
  type Snapshot,
  type SnapshotOf,
  type SpeakerSnapshot,
  type TopicSnapshot,
} from './snapshots';
import { diffRevisions, type RevisionDiff } from './revision-diff';
import { applySpeakerSnapshot } from './speakers';
import { applyTopicSnapshot } from './topics';
import { writerOf } from '@/lib/db';

export interface RevisionSummary {
  entityType: EntityType;
  entityId: number;
  version: number;
  message: string | null;
  editorId: string | null;
  editorName: string | null;
  /** ISO time. */
  createdAt: string;
}

export interface RevisionRecord<S extends Snapshot = Snapshot> extends RevisionSummary {
  snapshot: S;
}

interface RevisionRow {
  entityType: EntityType;
  entityId: number;
  version: number;
  snapshot?: string;
  message: string | null;
  editorId: string | null;
  editorName: string | null;
  createdAt: string | number;
}

const toIso = (value: string | number) => (typeof value === 'number' ? new Date(value).toISOString() : value);

function toSummary(row: RevisionRow): RevisionSummary {
  return {
    entityType: row.entityType,
    entityId: row.entityId,
    version: row.version,
    message: row.message,
    editorId: row.editorId,
    editorName: row.editorName,
    createdAt: toIso(row.createdAt),
  };
}

/** The entry's revisions, newest first (without snapshots). */
export function listRevisions(entityType: EntityType, id: number, options?: EditOptions): RevisionSummary[] {
  const rows = sql(
    writerOf(options).db,
    `SELECT entityType, entityId, version, message, editorId, editorName, createdAt FROM Revision
     WHERE entityType = ? AND entityId = ? ORDER BY version DESC`,
  ).all(entityType, id) as RevisionRow[];
  return rows.map(toSummary);
}

/** One revision with its snapshot, or null. */
export function getRevision<T extends EntityType>(entityType: T, id: number, version: number, options?: EditOptions): RevisionRecord<SnapshotOf<T>> | null {
  const row = sql(
    writerOf(options).db,
    `SELECT entityType, entityId, version, snapshot, message, editorId, editorName, createdAt FROM Revision
     WHERE entityType = ? AND entityId = ? AND version = ?`,
  ).get(entityType, id, version) as RevisionRow | undefined;
  if (!row) return null;
  return { ...toSummary(row), snapshot: withCurrentShape(JSON.parse(row.snapshot!) as SnapshotOf<T>) };
}

/** The entry as it is now (drafts and deleted documents included), or null. */
export function currentSnapshot<T extends EntityType>(entityType: T, id: number, options?: EditOptions): SnapshotOf<T> | null {
  return snapshotOf(writerOf(options).db, entityType, id);
}

/** Records the entry's current state as a revision if its current version has none (seeded and imported entries). */
export async function ensureBaselineRevision(entityType: EntityType, id: number, options?: EditOptions): Promise<void> {
  // A baseline records what is already public: no page shows anything new, so none is renewed (and
  // the history page that calls this while it renders must not ask Next.js to renew any).
  runWrite(options, (db) => {
    ensureBaseline(db, entityType, id);
    return { paths: [] };
  });
}

export { diffRevisions, type DiffPart, type FieldChange, type PassageChange, type RevisionDiff } from './revision-diff';

/** Compares two stored versions of an entry; `toVersion` left out compares with the entry as it is now. */
export function compareVersions(entityType: EntityType, id: number, fromVersion: number, toVersion?: number, options?: EditOptions): RevisionDiff {
  const from = getRevision(entityType, id, fromVersion, options);
  if (!from) throw new NotFoundError(`The ${LABEL[entityType]} ${id} has no version ${fromVersion}.`);
  const to = toVersion === undefined ? currentSnapshot(entityType, id, options) : getRevision(entityType, id, toVersion, options)?.snapshot;
  if (!to) throw new NotFoundError(`The ${LABEL[entityType]} ${id} has no version ${toVersion ?? '(current)'}.`);
  return diffRevisions(from, to);
}

// ---------------------------------------------------------------------------------------------
// Restore

/**
 * Makes the entry equal to its revision `revisionVersion` and records that as a new revision
 * (message: "Restored version N" unless one is given). `expectedVersion` is the version the editor
 * was looking at: if someone saved since, a ConflictError is thrown and nothing changes.
 * A document's passages come back by anchor (a passage deleted since returns with its old anchor);
 * its status and deletion are not touched.
 */
export async function restoreRevision(
  editor: Editor,
  entityType: EntityType,
  id: number,
  revisionVersion: number,
  expectedVersion: number,
  message?: string | null,
  options?: EditOptions,
): Promise<EditResult & { restoredVersion: number }> {
  const data = parseInput(restoreRevisionSchema, { entityType, id, revisionVersion, expectedVersion, message: message ?? undefined });
  return runWrite(options, (db) => {
    const before = openEntry(db, data.entityType, data.id, data.expectedVersion, { ...data, action: 'restore' });
    const revision = getRevision(data.entityType, data.id, data.revisionVersion, { writer: writerOf(options) });
    if (!revision) throw new NotFoundError(`The ${LABEL[data.entityType]} has no version ${data.revisionVersion}.`);
    const target = revision.snapshot;
    if ('deleted' in target && target.deleted) throw new EditorialError(`Version ${data.revisionVersion} records the deletion; it cannot be restored.`);
    const warnings =
      target.type === 'document'
        ? applyDocumentSnapshot(db, before as DocumentSnapshot, target)
        : target.type === 'speaker'
          ? applySpeakerSnapshot(db, before as SpeakerSnapshot, target)
          : applyTopicSnapshot(db, before as TopicSnapshot, target as TopicSnapshot);
    const text = data.message ?? `Restored version ${data.revisionVersion}`;
    const after = closeEntry(db, editor, before, text);
    if (!after) {
      rollBackUnchanged({
        entityType: data.entityType,
        id: data.id,
        version: before.version,
        changed: false,
        paths: [],
        warnings,
        restoredVersion: data.revisionVersion,
      });
    }
    const label = 'title' in after ? after.title : after.name;
    recordAudit(db, {
      editor,
      action: 'restore',
      entityType: data.entityType,
      entityId: data.id,
      summary: `Restored version ${data.revisionVersion} of the ${LABEL[data.entityType]} “${label}” (now version ${after.version})`,
      ip: options?.ip,
    });
    const paths =
      after.type === 'document'
        ? documentPaths(before as DocumentSnapshot, after)
        : after.type === 'speaker'
          ? speakerPaths(db, [before as SpeakerSnapshot, after], [after.id])
          : topicPaths(db, [before as TopicSnapshot, after], [after.id]);
    return { entityType: data.entityType, id: data.id, version: after.version, changed: true, paths, warnings, restoredVersion: data.revisionVersion };
  });
}
