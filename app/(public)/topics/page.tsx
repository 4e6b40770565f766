// /topics: the taxonomy, with how much of the archive each topic covers.
import type { Metadata } from 'next';
import { pageMetadata } from '@/lib/metadata/page';
import { countOf, EntryList } from '@/components/entry-list';
import { listTopics } from '@/lib/data/topics';
import { topicPath } from '@/lib/urls';
import { BuildPlaceholder, renderingAtBuild } from '../_lib/build-placeholder';

export const generateMetadata = (): Metadata =>
  pageMetadata({ title: 'Topics', path: '/topics', description: 'The topics of the archive, with every passage tagged with each across documents.' });

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
