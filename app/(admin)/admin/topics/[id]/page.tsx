// One topic in the back office: edit it, merge it into another, delete it when unused, and its history.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EntityDetailView } from '@/components/admin/entity/entity-detail';
import { topics } from '@/lib/admin/entities/topics';
import { loadEntityDetail } from '@/lib/admin/entities/load';
import { requireEditor } from '@/lib/auth/session';
import { deleteTopicAction, mergeTopicAction, restoreTopicRevisionAction, updateTopicAction } from '../../entity-actions';

export const metadata: Metadata = { title: 'Edit topic', robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const actions = { update: updateTopicAction, merge: mergeTopicAction, remove: deleteTopicAction, restore: restoreTopicRevisionAction };

export default async function TopicAdminPage({ params, searchParams }: Props) {
  await requireEditor();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const detail = await loadEntityDetail(topics, id, query);
  if (!detail) notFound();
  return <EntityDetailView entity={topics.ui} detail={detail} publicPath={topics.publicPath(detail.entry.slug)} query={query} actions={actions} />;
}
