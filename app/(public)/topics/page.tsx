// /topics: the taxonomy, with how much of the archive each topic covers.
import type { Metadata } from 'next';
import Link from 'next/link';
import { listTopics } from '@/lib/data/topics';
import { topicPath } from '@/lib/urls';

export const metadata: Metadata = { title: 'Topics' };

export default async function TopicsPage() {
  const topics = await listTopics();
  return (
    <>
      <h1 className="font-serif text-3xl font-semibold">Topics</h1>
      <ul className="mt-6 grid gap-6 sm:grid-cols-2">
        {topics.map((t) => (
          <li key={t.slug}>
            <h2 className="text-lg font-semibold">
              <Link href={topicPath(t.slug)}>{t.name}</Link>
            </h2>
            <p className="text-sm muted">
              {t.passageCount} {t.passageCount === 1 ? 'passage' : 'passages'} in {t.documentCount} {t.documentCount === 1 ? 'document' : 'documents'}
            </p>
            {t.description && <p className="mt-1">{t.description}</p>}
          </li>
        ))}
      </ul>
    </>
  );
}
