// /topics/<slug>: every passage on one topic, across documents, with speaker and date.
import { PageLink as Link } from '@/components/page-link'; // plain <a> where a query leads to a page's twin
import { countOf } from '@/components/entry-list';
import { ListedPassagesNote } from '@/components/listed-passages-note';
import { PassageInContext } from '@/components/passage-in-context';
import { entryPage, type SlugProps } from '../../_lib/entry-page';
import { getTopic } from '@/lib/data/topics';
import { documentsPath, topicPath } from '@/lib/urls';

const page = entryPage(getTopic, (topic) => topic.description, { path: topicPath, type: 'website' });
export const generateMetadata = page.generateMetadata;

export const generateStaticParams = page.generateStaticParams;

export default async function TopicPage(props: SlugProps) {
  const topic = await page.load(props);
  return (
    <>
      <p className="text-sm uppercase tracking-wide muted">
        <Link href="/topics">Topics</Link>
      </p>
      <h1 className="mt-1 font-serif text-3xl font-semibold">{topic.name}</h1>
      {topic.description && <p className="mt-2 max-w-3xl font-serif text-lg">{topic.description}</p>}
      <p className="mt-2 muted">
        {countOf(topic.passageCount, 'passage')} in {countOf(topic.documentCount, 'document')} ·{' '}
        <Link href={documentsPath({ topic: topic.slug })}>Documents on this topic</Link>
      </p>
      <ul className="mt-6 divide-y divide-stone-200 dark:divide-stone-800">
        {topic.passages.map((passage) => (
          <li key={passage.id}>
            <PassageInContext passage={passage} />
          </li>
        ))}
      </ul>
      <ListedPassagesNote listed={topic.passages.length} total={topic.passageCount} rest={documentsPath({ topic: topic.slug })} />
    </>
  );
}
