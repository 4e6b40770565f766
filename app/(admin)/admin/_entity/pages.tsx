// The list and detail pages of an editorial entity, made from its descriptor: each checks the signed-in
// editor, loads through lib/admin/entities/load.ts, and hands the components the entity's actions.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EntityDetailView } from '@/components/admin/entity/entity-detail';
import { EntityList } from '@/components/admin/entity/entity-list';
import type { ActionState } from '@/lib/admin/action-state';
import { loadEntityDetail, loadEntityList } from '@/lib/admin/entities/load';
import type { EntityDescriptor, EntitySnapshotBase } from '@/lib/admin/entities/types';
import { requireEditor } from '@/lib/auth/session';

type Query = Promise<Record<string, string | string[] | undefined>>;
type FormAction = (state: ActionState, formData: FormData) => Promise<ActionState>;
type PlainAction = (formData: FormData) => Promise<void>;

export function entityListPage<S extends EntitySnapshotBase, C, U>(entity: EntityDescriptor<S, C, U>, createAction: FormAction) {
  return async function EntityListPage({ searchParams }: { searchParams: Query }) {
    await requireEditor();
    const [{ rows, choices }, query] = await Promise.all([loadEntityList(entity), searchParams]);
    return <EntityList entity={entity.ui} rows={rows} choices={choices} query={query} createAction={createAction} />;
  };
}

export function entityDetailPage<S extends EntitySnapshotBase, C, U>(
  entity: EntityDescriptor<S, C, U>,
  actions: { update: FormAction; merge: PlainAction; remove: PlainAction; restore: PlainAction },
) {
  return async function EntityDetailPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Query }) {
    await requireEditor();
    const [{ id }, query] = await Promise.all([params, searchParams]);
    const detail = await loadEntityDetail(entity, id, query);
    if (!detail) notFound();
    return <EntityDetailView entity={entity.ui} detail={detail} publicPath={entity.publicPath(detail.entry.slug)} query={query} actions={actions} />;
  };
}

/** Back-office pages are not for search engines. */
export const entityMetadata = (title: string): Metadata => ({ title, robots: { index: false, follow: false } });
