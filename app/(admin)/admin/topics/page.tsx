// Topics in the back office: every topic with where it is used, and a form to create one.
import type { Metadata } from 'next';
import { EntityList } from '@/components/admin/entity/entity-list';
import { topics } from '@/lib/admin/entities/topics';
import { loadEntityList } from '@/lib/admin/entities/load';
import { requireEditor } from '@/lib/auth/session';
import { createTopicAction } from '../entity-actions';

export const metadata: Metadata = { title: 'Topics', robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TopicsAdminPage({ searchParams }: Props) {
  await requireEditor();
  const [{ rows, choices }, query] = await Promise.all([loadEntityList(topics), searchParams]);
  return <EntityList entity={topics.ui} rows={rows} choices={choices} query={query} createAction={createTopicAction} />;
}
