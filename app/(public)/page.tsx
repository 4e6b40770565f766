// Home: what the archive holds and the ways into it.
import type { Metadata } from 'next';
import Link from 'next/link';
import { JsonLd } from '@/components/json-ld';
import { pageMetadata } from '@/lib/metadata/page';
import { SITE_NAME } from '@/lib/metadata/site';
import { websiteNode } from '@/lib/structured-data/site';
import { DocumentList } from '@/components/document-card';
import { SearchForm } from '@/components/site-header';
import { getOverview } from '@/lib/data/overview';
import { listSpeakers } from '@/lib/data/speakers';
import { listTopics } from '@/lib/data/topics';
import { speakerPath, topicPath } from '@/lib/urls';
import { BuildPlaceholder, renderingAtBuild } from './_lib/build-placeholder';
import { LabelledSection } from '@/components/labelled-section';

export const generateMetadata = (): Metadata => ({ ...pageMetadata({ title: SITE_NAME, path: '/' }), title: { absolute: SITE_NAME } });

export default async function HomePage() {
  if (renderingAtBuild()) return <BuildPlaceholder />;
  const [overview, speakers, topics] = await Promise.all([getOverview(), listSpeakers(), listTopics()]);
  const { counts } = overview;
  return (
    <div className="space-y-10">
      <JsonLd data={websiteNode()} />
      <section aria-labelledby="intro">
        <h1 id="intro" className="font-serif text-3xl font-semibold">
          Interview Archive
        </h1>
        <p className="mt-3 max-w-2xl font-serif text-lg">
          Interviews and essays, searchable down to the single question, answer or paragraph. Every passage has its own address, so you can link to exactly what
          was said and cite it.
        </p>
        <p className="mt-2 muted">
          {counts.documents} documents · {counts.passages} passages · {counts.speakers} speakers · {counts.topics} topics
        </p>
        <div className="mt-4">
          <SearchForm label="Search every passage" />
        </div>
      </section>

      <LabelledSection id="latest" title="Latest documents" headingClassName="text-2xl font-semibold">
        <DocumentList documents={overview.latest} />
        <p className="mt-2">
          <Link href="/documents">All documents</Link> · <Link href="/timeline">By date</Link>
        </p>
      </LabelledSection>

      <div className="grid gap-10 md:grid-cols-2">
        <LabelledSection id="speakers" title="Speakers" headingClassName="text-2xl font-semibold">
          <ul className="mt-3 space-y-2">
            {speakers.map((s) => (
              <li key={s.slug}>
                <Link href={speakerPath(s.slug)}>{s.name}</Link>{' '}
                <span className="muted">
                  ({s.documentCount} {s.documentCount === 1 ? 'document' : 'documents'}, {s.passageCount} passages)
                </span>
              </li>
            ))}
          </ul>
        </LabelledSection>
        <LabelledSection id="topics" title="Topics" headingClassName="text-2xl font-semibold">
          <ul className="mt-3 flex flex-wrap gap-2">
            {topics
              .filter((t) => t.passageCount > 0)
              .map((t) => (
                <li key={t.slug}>
                  <Link href={topicPath(t.slug)} className="chip">
                    {t.name} <span className="ml-1 muted">{t.passageCount}</span>
                  </Link>
                </li>
              ))}
          </ul>
        </LabelledSection>
      </div>
    </div>
  );
}
