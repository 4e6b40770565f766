// Speakers in the back office: every speaker with where it is used, and a form to create one.
import type { Metadata } from 'next';
import { EntityList } from '@/components/admin/entity/entity-list';
import { speakers } from '@/lib/admin/entities/speakers';
import { loadEntityList } from '@/lib/admin/entities/load';
import { requireEditor } from '@/lib/auth/session';
import { createSpeakerAction } from '../entity-actions';

export const metadata: Metadata = { title: 'Speakers', robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SpeakersAdminPage({ searchParams }: Props) {
  await requireEditor();
  const [{ rows, choices }, query] = await Promise.all([loadEntityList(speakers), searchParams]);
  return <EntityList entity={speakers.ui} rows={rows} choices={choices} query={query} createAction={createSpeakerAction} />;
}
