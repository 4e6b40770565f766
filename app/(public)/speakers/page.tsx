// /speakers: everyone who speaks or writes in a published document.
import type { Metadata } from 'next';
import { pageMetadata } from '@/lib/metadata/page';
import { countOf, EntryList } from '@/components/entry-list';
import { listSpeakers } from '@/lib/data/speakers';
import { speakerPath } from '@/lib/urls';
import { BuildPlaceholder, renderingAtBuild } from '../_lib/build-placeholder';

export const generateMetadata = (): Metadata =>
  pageMetadata({
    title: 'Speakers',
    path: '/speakers',
    description: 'Everyone who speaks or writes in the archive, with their documents and what they said on each topic.',
  });

export default async function SpeakersPage() {
  if (renderingAtBuild()) return <BuildPlaceholder />;
  return (
    <EntryList
      title="Speakers"
      layout="rows"
      entries={await listSpeakers()}
      href={speakerPath}
      counts={(s) => `${countOf(s.documentCount, 'document')} · ${s.passageCount} passages`}
      blurb={(s) => s.bio}
    />
  );
}
