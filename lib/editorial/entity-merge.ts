// Merge and delete for the entries that documents point at (speakers, topics): the version checks,
// revisions, audit entries and paths are the same for every such entry; only what points at it differs.
import 'server-only';
import type { Editor } from '@/lib/auth/editor';
import { recordAudit, quoted } from './audit';
import { EditorialError } from './errors';
import { closeEntry, ensureBaseline, openEntry, runWrite, writeRevision, type EditOptions, type EditResult } from './history';
import { documentPaths } from './paths';
import { sql, type DocumentSnapshot, type Snapshot, type SpeakerSnapshot, type TopicSnapshot } from './snapshots';
import type { WriteDb } from '@/lib/db';

export type Referenced = SpeakerSnapshot | TopicSnapshot;

/** A checked merge (mergeSpeakersSchema, mergeTopicsSchema). */
export interface MergeData {
  targetId: number;
  expectedTargetVersion: number;
  sourceId: number;
  expectedSourceVersion: number;
  message?: string | null;
}

/** A checked delete (entityActionSchema). */
export interface DeleteData {
  id: number;
  expectedVersion: number;
  message?: string | null;
}

export interface ReferencedEntity<S extends Referenced> {
  entityType: S['type'];
  table: 'Speaker' | 'Topic';
  /** Ids of the documents that point at the entry. */
  documentsOf: (db: WriteDb, id: number) => number[];
  /** The public paths that show the entries, and the documents in `referencedBy`. */
  paths: (db: WriteDb, entries: (S | null)[], referencedBy: number[]) => string[];
}

export interface MergeSpec<S extends Referenced> extends ReferencedEntity<S> {
  /**
   * Points everything that pointed at `source` at `target`. Returns the other entries of the same
   * kind it changed (their baseline taken before the change), so they get a revision too.
   */
  move: (db: WriteDb, target: S, source: S) => S[];
}

/**
 * Merges `sourceId` into `targetId`. Both entries and every document touched get a revision; the
 * source's last one records where it went, so restoring an older document still finds it.
 */
export async function mergeEntities<S extends Referenced>(
  editor: Editor,
  spec: MergeSpec<S>,
  data: MergeData,
  options?: EditOptions,
): Promise<EditResult & { merged: number }> {
  const { entityType } = spec;
  return runWrite(options, (db) => {
    const target = openEntry(db, entityType, data.targetId, data.expectedTargetVersion, data) as unknown as S;
    const source = openEntry(db, entityType, data.sourceId, data.expectedSourceVersion, data) as unknown as S;
    const documentIds = spec.documentsOf(db, source.id);
    const documentsBefore = documentIds.map((id) => ensureBaseline(db, 'document', id)) as DocumentSnapshot[];
    const othersBefore = spec.move(db, target, source);
    sql(db, `DELETE FROM ${spec.table} WHERE id = ?`).run(source.id);

    const message = data.message ?? `Merged ${quoted(source.name)} into ${quoted(target.name)}`;
    const after = closeEntry(db, editor, target, message, { force: true })!;
    writeRevision(
      db,
      { ...source, version: source.version + 1, deleted: true, mergedInto: { id: target.id, slug: target.slug, name: target.name } } as Snapshot,
      editor,
      message,
    );
    const paths = new Set(spec.paths(db, [source, after], [target.id]));
    for (const other of othersBefore) {
      const otherAfter = closeEntry(db, editor, other, message);
      for (const path of spec.paths(db, [other, otherAfter], [])) paths.add(path);
    }
    for (const before of documentsBefore) {
      const documentAfter = closeEntry(db, editor, before, message);
      for (const path of documentPaths(before, documentAfter)) paths.add(path);
    }
    const summary = `Merged the ${entityType} ${quoted(source.name)} (${source.slug}) into ${quoted(target.name)} (${target.slug}); ${documentIds.length} documents updated`;
    recordAudit(db, { editor, action: 'merge', entityType, entityId: target.id, summary, ip: options?.ip });
    recordAudit(db, { editor, action: 'merge', entityType, entityId: source.id, summary, ip: options?.ip });
    return { entityType, id: target.id, merged: source.id, version: after.version, changed: true, paths: [...paths].sort(), warnings: [] };
  });
}

/**
 * Deletes an entry nothing points at. `blocked` says why it is still in use (a whole sentence), or
 * null; then the deletion is refused with that sentence and nothing is written.
 */
export async function deleteEntity<S extends Referenced>(
  editor: Editor,
  spec: ReferencedEntity<S>,
  data: DeleteData,
  blocked: (db: WriteDb, before: S) => string | null,
  options?: EditOptions,
): Promise<EditResult> {
  const { entityType } = spec;
  return runWrite(options, (db) => {
    const before = openEntry(db, entityType, data.id, data.expectedVersion, data) as unknown as S;
    const reason = blocked(db, before);
    if (reason) throw new EditorialError(reason);
    sql(db, `DELETE FROM ${spec.table} WHERE id = ?`).run(data.id);
    writeRevision(db, { ...before, version: before.version + 1, deleted: true } as Snapshot, editor, data.message ?? 'Deleted');
    const summary = `Deleted the ${entityType} ${quoted(before.name)} (${before.slug})`;
    recordAudit(db, { editor, action: 'delete', entityType, entityId: data.id, summary, ip: options?.ip });
    return { entityType, id: data.id, version: before.version + 1, changed: true, paths: spec.paths(db, [before], []), warnings: [] };
  });
}
