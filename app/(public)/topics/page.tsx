// /topics: the taxonomy, with how much of the archive each topic covers.
import type { Metadata } from 'next';
import { countOf, EntryList } from '@/components/entry-list';
import { listTopics } from '@/lib/data/topics';
import { topicPath } from '@/lib/urls';
import { BuildPlaceholder, renderingAtBuild } from '../_lib/build-placeholder';

export const metadata: Metadata = { title: 'Topics' };

export default async function TopicsPage() {
  if (renderingAtBuild()) return <BuildPlaceholder />;
  return (
    <EntryList
      title="Topics"
      layout="cards"
      entries={await listTopics()}
      href={topicPath}
      counts={(t) => `${countOf(t.passageCount, 'passage')} in ${countOf(t.documentCount, 'document')}`}
      blurb={(t) => t.description}
    />
  );
}
