// The edit of an entry's own fields (a document's, a speaker's, a topic's): one recorded change whose
// audit entry and revision message list the fields that changed. What differs between entries (how
// the columns are written, which fields count, how the entry is named, which pages show it) is given.
import 'server-only';
import type { Editor } from '@/lib/auth/editor';
import { describeEdit } from './audit';
import { changeEntry, entryOf, type ChangeSpec, type EditOptions, type EditResult } from './history';
import type { EntityType, SnapshotOf } from './snapshots';
import type { WriteDb } from '@/lib/db';

export interface FieldEdit<T extends EntityType> {
  /** Writes the new values inside the change's transaction. */
  write: (db: WriteDb) => void;
  /** The fields whose values differ between the two snapshots. */
  changed: (before: SnapshotOf<T>, after: SnapshotOf<T>) => string[];
  /** How the audit entry names the entry, e.g. `the speaker “Jeff Kim”`. */
  name: (after: SnapshotOf<T>) => string;
  paths: ChangeSpec<T, void>['paths'];
}

export function editFields<T extends EntityType>(
  editor: Editor,
  entityType: T,
  data: { id: number; expectedVersion: number; message?: string | null },
  edit: FieldEdit<T>,
  options: EditOptions | undefined,
): EditResult {
  const spec: ChangeSpec<T, void> = {
    entityType,
    ...entryOf(data),
    mutate: (_before, db) => edit.write(db),
    describe: (_result, before, after) => describeEdit(edit.changed(before, after), edit.name(after)),
    paths: edit.paths,
  };
  return changeEntry(editor, spec, options).edit;
}
