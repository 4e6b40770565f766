// Topics in the back office: every topic with its parent and passages, and a form to create one.
import type { Metadata } from 'next';
import { Notice } from '@/components/admin/notice';
import { TopicCreateForm } from '@/components/admin/topics/topic-create-form';
import { TopicTable } from '@/components/admin/topics/topic-table';
import { requireEditor } from '@/lib/auth/session';
import { listTopicsForEditors, topicChoices } from '@/lib/data/admin';

export const metadata: Metadata = { title: 'Topics', robots: { index: false, follow: false } };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const first = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value);

export default async function TopicsAdminPage({ searchParams }: Props) {
  await requireEditor();
  const [topics, choices, query] = await Promise.all([listTopicsForEditors(), topicChoices(), searchParams]);

  return (
    <div className="space-y-10">
      <section aria-labelledby="topics-heading">
        <h1 id="topics-heading" className="mb-4 font-serif text-3xl">
          Topics
        </h1>
        <Notice notice={first(query.notice)} error={first(query.error)} />
        <p className="mb-4 text-sm muted">
          {topics.length} {topics.length === 1 ? 'topic' : 'topics'}.
        </p>
        <TopicTable topics={topics} />
      </section>
      <section aria-labelledby="create-topic-heading">
        <h2 id="create-topic-heading" className="mb-4 font-serif text-2xl">
          Create a topic
        </h2>
        <TopicCreateForm choices={choices} />
      </section>
    </div>
  );
}
