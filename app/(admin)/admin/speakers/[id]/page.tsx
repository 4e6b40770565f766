// One speaker in the back office: edit it, merge it into another, delete it when unused, and its history.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { EntityDetailView } from '@/components/admin/entity/entity-detail';
import { speakers } from '@/lib/admin/entities/speakers';
import { loadEntityDetail } from '@/lib/admin/entities/load';
import { requireEditor } from '@/lib/auth/session';
import { deleteSpeakerAction, mergeSpeakerAction, restoreSpeakerRevisionAction, updateSpeakerAction } from '../../entity-actions';

export const metadata: Metadata = { title: 'Edit speaker', robots: { index: false, follow: false } };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const actions = { update: updateSpeakerAction, merge: mergeSpeakerAction, remove: deleteSpeakerAction, restore: restoreSpeakerRevisionAction };

export default async function SpeakerAdminPage({ params, searchParams }: Props) {
  await requireEditor();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const detail = await loadEntityDetail(speakers, id, query);
  if (!detail) notFound();
  return <EntityDetailView entity={speakers.ui} detail={detail} publicPath={speakers.publicPath(detail.entry.slug)} query={query} actions={actions} />;
}
