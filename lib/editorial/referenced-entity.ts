// Speakers and topics, the entries documents point at, are edited, merged and deleted the same way;
// only their fields, what points at them and what blocks a delete differ. One descriptor per entry
// says those; `referencedEntityEditing` makes the three editorial functions from it.
import 'server-only';
import type { z } from 'zod';
import type { Editor } from '@/lib/auth/editor';
import { entityActionSchema, mergeEntitiesSchema } from '@/lib/validation/editorial';
import type { EntityActionInput, MergeEntitiesInput } from '@/lib/validation/editorial';
import { changedAmong, quoted } from './audit';
import { deleteEntity, mergeEntities, type MergeSpec, type Referenced } from './entity-merge';
import { EditorialError, parseInput } from './errors';
import { editFields } from './field-edit';
import type { EditOptions, EditResult } from './history';
import { sql } from './snapshots';
import type { WriteDb } from '@/lib/db';

/** A checked edit: the entry, the version the editor started from, and the fields given. */
type UpdateData = { id: number; expectedVersion: number; message?: string | null };

export interface ReferencedEntitySpec<S extends Referenced, U extends z.ZodType<UpdateData>> extends MergeSpec<S> {
  /** The schema of an edit's input. */
  updateSchema: U;
  /** The fields an edit may change, in the order its audit entry lists them. */
  fields: readonly (keyof S & string)[];
  /** Writes an edit's new values inside its transaction. */
  write: (db: WriteDb, data: z.output<U>) => void;
  /** Why the entry cannot be deleted (a whole sentence), or null when nothing points at it. */
  blocked: (db: WriteDb, before: S) => string | null;
}

export interface ReferencedEntityEditing<U extends z.ZodType> {
  /** Changes the fields given. */
  update: (editor: Editor, input: z.input<U>, options?: EditOptions) => Promise<EditResult>;
  /** Merges `sourceId` into `targetId` (entity-merge.ts); the source is deleted. */
  merge: (editor: Editor, input: MergeEntitiesInput, options?: EditOptions) => Promise<EditResult & { merged: number }>;
  /** Deletes an entry nothing points at; otherwise an EditorialError says where it is used. */
  remove: (editor: Editor, input: EntityActionInput, options?: EditOptions) => Promise<EditResult>;
}

export function referencedEntityEditing<S extends Referenced, U extends z.ZodType<UpdateData>>(spec: ReferencedEntitySpec<S, U>): ReferencedEntityEditing<U> {
  return {
    update: async (editor, input, options) => {
      const data = parseInput(spec.updateSchema, input);
      // editFields knows the snapshot by its entity type; S is that same snapshot.
      const entries = (before: unknown, after: unknown) => [before, after] as [S, S];
      return editFields(
        editor,
        spec.entityType,
        data,
        {
          write: (db) => spec.write(db, data),
          changed: (before, after) => changedAmong(spec.fields, ...entries(before, after)),
          name: (after) => `the ${spec.entityType} ${quoted(after.name)}`,
          paths: (before, after, db) => spec.paths(db, entries(before, after), [data.id]),
        },
        options,
      );
    },
    merge: async (editor, input, options) => mergeEntities(editor, spec, parseInput(mergeEntitiesSchema, input), options),
    remove: async (editor, input, options) => deleteEntity(editor, spec, parseInput(entityActionSchema, input), spec.blocked, options),
  };
}

/** Whether another entry of the kind has the address `slug` (`exceptId`: the entry itself, or null). */
export function slugTaken(db: WriteDb, table: MergeSpec<Referenced>['table'], slug: string, exceptId: number | null): boolean {
  return sql(db, `SELECT 1 FROM ${table} WHERE slug = ? AND id IS DISTINCT FROM ?`).get(slug, exceptId) !== undefined;
}

/** A restore to a version whose address another entry has taken since is refused, naming both. */
export function checkRestoredSlug<S extends Referenced>(db: WriteDb, spec: MergeSpec<S>, current: S, target: S): void {
  if (target.slug !== current.slug && slugTaken(db, spec.table, target.slug, current.id)) {
    throw new EditorialError(`Version ${target.version} had the address “${target.slug}”, which another ${spec.entityType} has now; change that one first.`);
  }
}
