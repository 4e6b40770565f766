// /speakers/<slug>: a speaker's bio, their documents, and what they said on each topic.
import { PageLink as Link } from '@/components/page-link'; // plain <a> where a query leads to a page's twin
import { DocumentList } from '@/components/document-card';
import { ListedPassagesNote } from '@/components/listed-passages-note';
import { PassageInContext } from '@/components/passage-in-context';
import { entryPage, type SlugProps } from '../../_lib/entry-page';
import { getSpeaker } from '@/lib/data/speakers';
import { documentsPath, speakerPath, topicPath } from '@/lib/urls';
import { JsonLd } from '@/components/json-ld';
import { personNode } from '@/lib/structured-data/person';
import { LabelledSection } from '@/components/labelled-section';

const page = entryPage(getSpeaker, (speaker) => speaker.bio, { path: speakerPath, type: 'profile' });
export const generateMetadata = page.generateMetadata;

export const generateStaticParams = page.generateStaticParams;

export default async function SpeakerPage(props: SlugProps) {
  const speaker = await page.load(props);
  return (
    <>
      <JsonLd data={personNode(speaker)} />
      <h1 className="font-serif text-3xl font-semibold">{speaker.name}</h1>
      {speaker.aliases.length > 0 && <p className="mt-1 text-sm muted">Also labelled: {speaker.aliases.join(', ')}</p>}
      {speaker.bio && (
        <figure className="mt-4 max-w-3xl">
          <blockquote className="font-serif text-lg">{speaker.bio}</blockquote>
          {speaker.bioSource && <figcaption className="mt-1 text-sm muted">Bio from {speaker.bioSource}</figcaption>}
        </figure>
      )}

      <LabelledSection id="documents" title="Documents" className="mt-10" headingClassName="text-2xl font-semibold">
        <DocumentList documents={speaker.documents} />
        <p className="mt-2 text-sm">
          <Link href={documentsPath({ speaker: speaker.slug })}>Filter all documents by {speaker.name}</Link>
        </p>
      </LabelledSection>

      <LabelledSection id="by-topic" title={`What ${speaker.name} said, by topic`} className="mt-10" headingClassName="text-2xl font-semibold">
        <nav aria-label="Topics on this page" className="mt-3">
          <ul className="flex flex-wrap gap-2">
            {speaker.byTopic.map((group) => (
              <li key={group.topic?.slug ?? 'untagged'}>
                <a href={`#topic-${group.topic?.slug ?? 'untagged'}`} className="chip">
                  {group.topic?.name ?? 'Untagged'} <span className="ml-1 muted">{group.passages.length}</span>
                </a>
              </li>
            ))}
          </ul>
        </nav>
        {speaker.byTopic.map((group) => (
          <section
            key={group.topic?.slug ?? 'untagged'}
            id={`topic-${group.topic?.slug ?? 'untagged'}`}
            className="mt-8"
            aria-labelledby={`h-${group.topic?.slug ?? 'untagged'}`}
          >
            <h3 id={`h-${group.topic?.slug ?? 'untagged'}`} className="text-xl font-semibold">
              {group.topic ? <Link href={topicPath(group.topic.slug)}>{group.topic.name}</Link> : 'Untagged'}
            </h3>
            <ul className="divide-y divide-stone-200 dark:divide-stone-800">
              {group.passages.map((passage) => (
                <li key={passage.id}>
                  <PassageInContext passage={passage} showTopics={false} />
                </li>
              ))}
            </ul>
          </section>
        ))}
        <ListedPassagesNote listed={speaker.listedPassages} total={speaker.passageCount} rest={documentsPath({ speaker: speaker.slug })} />
      </LabelledSection>
    </>
  );
}
