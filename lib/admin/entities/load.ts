// What an entity's list and detail pages show, read through its descriptor: the pages stay thin and
// no component reads the database.
import 'server-only';
import { listRevisions } from '@/lib/editorial';
import { idParam } from '@/lib/validation/params';
import { readComparison } from '../revision-comparison';
import type { EntityDescriptor, EntitySnapshotBase } from './types';

type Query = Record<string, string | string[] | undefined>;

export async function loadEntityList<S extends EntitySnapshotBase, C, U>(entity: EntityDescriptor<S, C, U>) {
  const [rows, choices] = await Promise.all([entity.list(), entity.createChoices()]);
  return { rows: rows.map((row) => ({ ...row, publicPath: entity.publicPath(row.slug) })), choices };
}

/** The entry named by the URL's id segment with all its page shows, or null when there is none. */
export async function loadEntityDetail<S extends EntitySnapshotBase, C, U>(entity: EntityDescriptor<S, C, U>, idText: string, query: Query) {
  const id = idParam(idText);
  const entry = id === null ? null : entity.editorial.get(id);
  if (!entry) return null;
  const extras = await entity.detail(entry);
  const revisions = listRevisions(entity.ui.type, entry.id);
  const comparison = readComparison(entity.ui.type, entry.id, query, revisions, entry.version);
  return { entry, extras, revisions, comparison };
}

export type EntityDetail = NonNullable<Awaited<ReturnType<typeof loadEntityDetail>>>;
