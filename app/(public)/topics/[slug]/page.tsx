// /topics/<slug>: every passage on one topic, across documents, with speaker and date.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { PassageInContext } from '@/components/passage-in-context';
import { getTopic } from '@/lib/data/topics';
import { documentsPath } from '@/lib/urls';

type Props = { params: Promise<{ slug: string }> };
const loadTopic = cache(getTopic);

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const topic = await loadTopic((await params).slug);
  return topic ? { title: topic.name, description: topic.description ?? undefined } : { title: 'Not found' };
}

export default async function TopicPage({ params }: Props) {
  const topic = await loadTopic((await params).slug);
  if (!topic) notFound();
  return (
    <>
      <p className="text-sm uppercase tracking-wide muted">
        <Link href="/topics">Topics</Link>
      </p>
      <h1 className="mt-1 font-serif text-3xl font-semibold">{topic.name}</h1>
      {topic.description && <p className="mt-2 max-w-3xl font-serif text-lg">{topic.description}</p>}
      <p className="mt-2 muted">
        {topic.passageCount} {topic.passageCount === 1 ? 'passage' : 'passages'} in {topic.documentCount} {topic.documentCount === 1 ? 'document' : 'documents'}{' '}
        · <Link href={documentsPath({ topic: topic.slug })}>Documents on this topic</Link>
      </p>
      <ul className="mt-6 divide-y divide-stone-200 dark:divide-stone-800">
        {topic.passages.map((passage) => (
          <li key={passage.id}>
            <PassageInContext passage={passage} />
          </li>
        ))}
      </ul>
    </>
  );
}
